import { Form, Link } from "react-router";
import type { Route } from "./+types/applications";
import { formatCount, formatDateTime, positiveInt } from "../../format";
import { requireStaff } from "../../session.server";
import { stateNames } from "../../../domains/advocacy/states";
import { searchDirectory } from "../../../domains/membership/directory.server";
import type { DirectoryFilter } from "../../../domains/membership/directory.server";
import { applicationStatuses } from "../../../domains/membership/membership.schema";

export const meta: Route.MetaFunction = () => [{ title: "Applications and members — AMG staff" }];

const statusLabel = { "awaiting-review": "Waiting for review", "more-info-requested": "More information asked", approved: "Members (approved)", rejected: "Rejected", ineligible: "Ineligible (automatic)" } as const;
const pageSize = 50;

/** The directory's filter from the query string (shared with the CSV export). */
export function directoryFilterFrom(params: URLSearchParams): DirectoryFilter {
  const statusParam = params.get("status") ?? "awaiting-review";
  const degree = params.get("degree");
  const sort = params.get("sort");
  const state = params.get("state")?.toUpperCase();
  return {
    q: params.get("q")?.trim().slice(0, 100) || undefined,
    status: applicationStatuses.find((s) => s === statusParam),
    state: state && state in stateNames ? state : undefined,
    district: /^[A-Z]{2}-\d{1,2}$/.test(params.get("district")?.toUpperCase() ?? "") ? params.get("district")!.toUpperCase() : undefined,
    degree: degree === "MD" || degree === "DO" || degree === "IMG" ? degree : undefined,
    graduatedFrom: positiveInt(params.get("from")),
    graduatedTo: positiveInt(params.get("to")),
    sort: sort === "name" || sort === "graduation" ? sort : "received",
  };
}

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const filter = directoryFilterFrom(params);
  const page = positiveInt(params.get("page")) ?? 1;
  const { rows, total } = await searchDirectory(args.context.services.db, filter, { offset: (page - 1) * pageSize, limit: pageSize });
  const query = Object.fromEntries([...params.entries()].filter(([k]) => k !== "page"));
  const pages = total === null ? (rows.length === pageSize ? page + 1 : page) : Math.max(1, Math.ceil(total / pageSize));
  return { rows, total, page, pages, query, status: params.get("status") ?? "awaiting-review" };
}

export default function Applications({ loaderData }: Route.ComponentProps) {
  const { rows, total, page, pages, query, status } = loaderData;
  const pageLink = (p: number) => `?${new URLSearchParams({ ...query, page: String(p) })}`;
  return (
    <>
      <h1>Applications and members</h1>
      <Form method="get" className="filter-bar" role="search">
        <label>
          Search <input type="search" name="q" defaultValue={query.q} placeholder="name, e-mail or school" />
        </label>
        <label>
          Status
          <select name="status" defaultValue={status}>
            <option value="all">All</option>
            {applicationStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          State <input name="state" defaultValue={query.state} size={3} maxLength={2} />
        </label>
        <label>
          District <input name="district" defaultValue={query.district} size={6} placeholder="NY-22" />
        </label>
        <label>
          Degree
          <select name="degree" defaultValue={query.degree ?? ""}>
            <option value="">Any</option>
            <option value="MD">MD</option>
            <option value="DO">DO</option>
            <option value="IMG">International</option>
          </select>
        </label>
        <label>
          Graduated from <input name="from" defaultValue={query.from} size={5} inputMode="numeric" />
        </label>
        <label>
          to <input name="to" defaultValue={query.to} size={5} inputMode="numeric" />
        </label>
        <label>
          Sort
          <select name="sort" defaultValue={query.sort ?? "received"}>
            <option value="received">Newest first</option>
            <option value="name">Name</option>
            <option value="graduation">Graduation year</option>
          </select>
        </label>
        <button type="submit">Filter</button>
        <a className="button button-secondary" href={`/admin/applications.csv?${new URLSearchParams(query)}`} download>
          Export CSV
        </a>
        <a className="button button-secondary" href="/admin/applications/import">
          Import CSV
        </a>
      </Form>
      <p>{total === null ? "Closest matches first; small typos are forgiven." : `${formatCount(total)} matching`}</p>
      <table className="data-table">
        <caption className="visually-hidden">Applications and members</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Name</th>
            <th scope="col">School, year</th>
            <th scope="col">Rules say</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.publicId}>
              <td>{formatDateTime(a.createdAt)}</td>
              <td>
                <Link to={`/admin/applications/${a.publicId}`}>{a.name}</Link>
                <br />
                <span className="hint">
                  {a.email}
                  {a.state ? `, ${a.state}` : ""}
                </span>
              </td>
              <td>
                {a.degree}, {a.schoolName}, {a.graduationYear}
              </td>
              <td>{a.decision === "eligible" ? "Eligible" : a.decision === "needs-review" ? "Needs review" : "Ineligible"}</td>
              <td>{statusLabel[a.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav aria-label="Pages" className="pager">
          {page > 1 ? <Link to={pageLink(page - 1)}>Previous</Link> : null} <span>{total === null ? `Page ${page}` : `Page ${page} of ${pages}`}</span>{" "}
          {page < pages ? <Link to={pageLink(page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
