import { pageTitle } from "~/app/page-title";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/open-letter";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField, SelectField } from "~/app/components/form-field";
import { TableScroll } from "~/app/components/table-scroll";
import { formAlertOf, formFailureOf, parseForm, withAppErrors } from "~/app/form-data";
import { formatCount, formatDateTime, formatDay } from "~/app/format";
import { actorOf, requireStaff } from "~/app/session.server";
import { deliveryInputSchema, signatureFilterSchema } from "~/domains/advocacy/advocacy.schema";
import { stateNames } from "~/domains/advocacy/legislators/states";
import {
  findOpenLetterForStaff,
  listDeliveries,
  listSignatures,
  recordOpenLetterDelivery,
  signatureBreakdown,
  signaturesPageSize,
  signerRoleLabel,
} from "~/domains/advocacy/open-letters/open-letter-signatures.server";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `${d?.letter.title ?? "Open letter"}: signatures`, "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db, clock } = args.context.services;
  const letter = await findOpenLetterForStaff(db, args.params.slug);
  if (!letter) throw data({ message: "No such open letter." }, { status: 404 });
  const url = new URL(args.request.url);
  const filter = signatureFilterSchema.parse(Object.fromEntries(url.searchParams));
  const [list, breakdown, deliveries] = await Promise.all([listSignatures(db, letter.id, filter), signatureBreakdown(db, letter.id), listDeliveries(db, letter.id)]);
  const { page: _page, ...rest } = filter;
  const exportQuery = new URLSearchParams(Object.entries(rest).filter(([, v]) => v) as [string, string][]).toString();
  return {
    letter: { slug: letter.slug, title: letter.title, addressee: letter.addressee, isPublished: letter.isPublished },
    filter: { q: filter.q, state: filter.state ?? "", role: filter.role ?? "", status: filter.status ?? "", page: filter.page },
    exportQuery,
    list: { total: list.total, pages: Math.max(1, Math.ceil(list.total / signaturesPageSize)), rows: list.rows.map((r) => ({ ...r, signer: signerRoleLabel(r.signerRole) })) },
    breakdown,
    deliveries: deliveries.map((d) => ({ id: d.id, recipient: d.recipient, deliveredOn: d.deliveredOn, method: d.method, note: d.note, signatureCount: d.signatureCount, recordedBy: d.recordedBy })),
    today: clock().toISOString().slice(0, 10),
    recipientSuggestion: shortAddressee(letter.addressee),
    csrf: viewer.csrfToken,
  };
}

/** "the Association of American Medical Colleges (AAMC)" → "the AAMC": how the public page names the recipient. */
const shortAddressee = (addressee: string) => {
  const short = addressee.match(/\(([^)]+)\)\s*$/)?.[1];
  return short ? `${addressee.toLowerCase().startsWith("the ") ? "the " : ""}${short}` : addressee;
};

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const { db } = args.context.services;
  const letter = await findOpenLetterForStaff(db, args.params.slug);
  if (!letter) throw data({ message: "No such open letter." }, { status: 404 });
  const form = parseForm(formData, deliveryInputSchema);
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    await recordOpenLetterDelivery(db, actorOf(viewer, args.context), letter.id, letter.slug, form.value);
    return redirect(`/admin/open-letters/${letter.slug}?delivered=1#delivery-heading`);
  });
}

const methodWords = { email: "by e-mail", post: "by post", "in-person": "in person", "online-form": "through their online form", other: "another way" } as const;
const stateName = (code: string | null) => (code ? (stateNames[code] ?? code) : "Place not known");
const stateOptions = Object.entries(stateNames).sort((a, b) => a[1].localeCompare(b[1]));

export default function OpenLetterSignatures({ loaderData, actionData }: Route.ComponentProps) {
  const { letter, filter, list, breakdown, deliveries, exportQuery, csrf } = loaderData;
  const t = breakdown.totals;
  const failure = formFailureOf(actionData);
  const { fieldErrors: errors, values } = failure;
  const pages = list.pages;
  const pageLink = (page: number) => `?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(exportQuery)), page: String(page) })}`;
  const peak = Math.max(1, ...breakdown.perDay.map((d) => d.n));
  return (
    <>
      <p>
        <Link to="/admin/open-letters">← Open letters</Link> · <a href={`/letters/${letter.slug}`}>Public page</a>
      </p>
      <h1>{letter.title}</h1>
      <p className="lead">
        {formatCount(t.confirmed)} {t.confirmed === 1 ? "signer" : "signers"}, {formatCount(t.unmatchedGraduates)} of them unmatched graduates.
      </p>
      <ul className="stat-grid">
        <li className="stat-card">
          <span className="stat-value">{formatCount(t.confirmed)}</span>
          <span>confirmed signatures</span>
        </li>
        <li className="stat-card">
          <span className="stat-value">{formatCount(t.unmatchedGraduates)}</span>
          <span>unmatched graduates</span>
        </li>
        <li className="stat-card">
          <span className="stat-value">{formatCount(t.physicians)}</span>
          <span>physicians</span>
        </li>
        <li className="stat-card">
          <span className="stat-value">{formatCount(t.supporters)}</span>
          <span>supporters ({formatCount(t.unstated)} did not say)</span>
        </li>
        <li className="stat-card">
          <span className="stat-value">{formatCount(t.waiting)}</span>
          <span>waiting for e-mail confirmation (not counted)</span>
        </li>
        <li className="stat-card">
          <span className="stat-value">{formatCount(t.listed)}</span>
          <span>agreed to be named</span>
        </li>
      </ul>

      <h2 id="signatures-heading">Signatures</h2>
      <Form method="get" className="filter-bar" role="search" aria-labelledby="signatures-heading">
        <label>
          Search <input type="search" name="q" defaultValue={filter.q} placeholder="name, e-mail, city or ZIP" maxLength={100} />
        </label>
        <label>
          State
          <select name="state" defaultValue={filter.state}>
            <option value="">All</option>
            {stateOptions.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Signer
          <select name="role" defaultValue={filter.role}>
            <option value="">All</option>
            <option value="unmatched-graduate">Unmatched graduates</option>
            <option value="physician">Physicians</option>
            <option value="supporter">Supporters</option>
            <option value="none">Did not say</option>
          </select>
        </label>
        <label>
          Confirmed
          <select name="status" defaultValue={filter.status}>
            <option value="">All</option>
            <option value="confirmed">Confirmed</option>
            <option value="pending">Waiting for confirmation</option>
          </select>
        </label>
        <button type="submit">Filter</button>
        <a className="button button-secondary" href={`/admin/open-letters/${letter.slug}/signatures.csv${exportQuery ? `?${exportQuery}` : ""}`} download>
          Export CSV
        </a>
      </Form>
      <p>
        {formatCount(list.total)} matching{pages > 1 ? ` · page ${filter.page} of ${formatCount(pages)}` : ""}
      </p>
      <TableScroll label="Signatures">
        <table className="data-table">
          <caption className="visually-hidden">Signatures, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Place</th>
              <th scope="col">Signer</th>
              <th scope="col">Named</th>
              <th scope="col">Status</th>
              <th scope="col">Signed</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.email}</td>
                <td>{[s.city, s.state ? stateName(s.state) : null, s.zip].filter(Boolean).join(", ")}</td>
                <td>{s.signer}</td>
                <td>{s.showName ? "yes" : "no"}</td>
                <td>{s.status === "confirmed" ? "Confirmed" : "Waiting"}</td>
                <td>{formatDateTime(s.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pages > 1 ? (
        <p>
          {filter.page > 1 ? <Link to={pageLink(filter.page - 1)}>Previous page</Link> : null}
          {filter.page > 1 && filter.page < pages ? " · " : null}
          {filter.page < pages ? <Link to={pageLink(filter.page + 1)}>Next page</Link> : null}
        </p>
      ) : null}

      <h2>Signatures over time</h2>
      {breakdown.perDay.length ? (
        <TableScroll label="Confirmed signatures by day">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col">Confirmed</th>
                <th scope="col">In all</th>
                <th scope="col">
                  <span className="visually-hidden">Share of the busiest day</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {breakdown.perDay.map((d) => (
                <tr key={d.day}>
                  <td>{d.day}</td>
                  <td>{formatCount(d.n)}</td>
                  <td>{formatCount(d.total)}</td>
                  <td aria-hidden="true">
                    <meter min={0} max={peak} value={d.n} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>No confirmed signature yet.</p>
      )}

      <h2>By state</h2>
      {breakdown.byState.length ? (
        <ul className="count-list">
          {breakdown.byState.map((s) => (
            <li key={s.state ?? "none"}>
              <Link to={`?state=${s.state ?? ""}`}>{stateName(s.state)}</Link>: {formatCount(s.n)}
            </li>
          ))}
        </ul>
      ) : (
        <p>No confirmed signature yet.</p>
      )}

      <h2 id="delivery-heading">Delivery</h2>
      <p>
        <Link to={`/admin/open-letters/${letter.slug}/packet`}>Printable packet</Link> · <a href={`/admin/open-letters/${letter.slug}/packet.pdf`}>Download the packet (PDF)</a>
        <br />
        <span className="hint">The letter, the number of signers by credential and by state, and the names, cities and states of those who agreed to be named (no e-mail addresses).</span>
      </p>
      {deliveries.length ? (
        <ul>
          {deliveries.map((d) => (
            <li key={d.id}>
              Delivered to {d.recipient} on {formatDay(d.deliveredOn)} {methodWords[d.method]}, with {formatCount(d.signatureCount)} signatures
              {d.recordedBy ? ` (recorded by ${d.recordedBy})` : ""}
              {d.note ? `: ${d.note}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>Not delivered yet.</p>
      )}
      <h3>Record a delivery</h3>
      <p className="hint">The public page then says “Delivered to … on …”. The number of confirmed signatures at this moment is kept with it.</p>
      <FormAlert message={formAlertOf(failure)} />
      <Form method="post" noValidate className="stack-form">
        <CsrfField token={csrf} />
        <FormField name="recipient" label="Delivered to" error={errors.recipient} defaultValue={values.recipient ?? loaderData.recipientSuggestion} maxLength={150} />
        <FormField name="deliveredOn" label="Date of delivery" type="date" error={errors.deliveredOn} defaultValue={values.deliveredOn ?? loaderData.today} />
        <SelectField
          name="method"
          label="How"
          options={[
            ["email", "By e-mail"],
            ["post", "By post"],
            ["in-person", "In person"],
            ["online-form", "Through their online form"],
            ["other", "Another way"],
          ]}
          value={values.method}
          error={errors.method}
        />
        <FormField name="note" label="Note" multiline rows={3} required={false} error={errors.note} defaultValue={values.note} maxLength={2000} />
        <button type="submit">Record the delivery</button>
      </Form>
    </>
  );
}
