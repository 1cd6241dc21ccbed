import { Form, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/cycles";
import { CsrfField } from "~/app/components/csrf-field";
import { FormField, SelectField } from "~/app/components/form-field";
import { formFailureOf, formValues, parseForm } from "~/app/form-data";
import { requireRole } from "~/app/session.server";
import { cycleOutcomes } from "~/domains/membership/labels";
import { matchCycleInputSchema } from "~/domains/membership/membership.schema";
import { deleteCycle, listCycles, saveCycle } from "~/domains/membership/match-cycles.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "My match cycles")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireRole(args, "member");
  return { cycles: await listCycles(args.context.services.db, viewer.personId), csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireRole(args, "member", formData);
  const values = formValues(formData);
  const { db, clock } = args.context.services;
  if (values.intent === "delete") {
    await deleteCycle(db, viewer.personId, values.cycle ?? "");
    return redirect("/account/cycles");
  }
  const form = parseForm(formData, matchCycleInputSchema(clock()));
  if (!form.ok) return form.response;
  await saveCycle(db, viewer.personId, form.value, clock());
  return redirect("/account/cycles");
}

const money = (n: number | null) => (n === null ? "—" : `$${n.toLocaleString("en-US")}`);

export default function Cycles({ loaderData, actionData }: Route.ComponentProps) {
  const { fieldErrors: e, values: v } = formFailureOf(actionData);
  const total = loaderData.cycles.reduce((sum, c) => sum + (c.amountSpent ?? 0), 0);
  return (
    <div className="page narrow">
      <h1>My match cycles</h1>
      <p className="lead">One line per year you applied. Your answers stay private; in AMG's anonymous statistics they show what applying really costs and how often qualified doctors go unmatched.</p>
      {loaderData.cycles.length ? (
        <TableScroll label="My match cycles">
          <table className="data-table stacking">
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Specialties</th>
                <th scope="col">Programmes</th>
                <th scope="col">Interviews</th>
                <th scope="col">Rank list</th>
                <th scope="col">Outcome</th>
                <th scope="col">Spent</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaderData.cycles.map((c) => (
                <tr key={c.publicId}>
                  <td data-label="Year">{c.year}</td>
                  <td data-label="Specialties">{c.specialties.join(", ") || "—"}</td>
                  <td data-label="Programmes">{c.programmesApplied}</td>
                  <td data-label="Interviews">{c.interviews}</td>
                  <td data-label="Rank list">{c.rankListSubmitted ? "yes" : "no"}</td>
                  <td data-label="Outcome">{cycleOutcomes[c.outcome]}</td>
                  <td data-label="Spent">{money(c.amountSpent)}</td>
                  <td>
                    <Form method="post">
                      <CsrfField token={loaderData.csrf} />
                      <input type="hidden" name="cycle" value={c.publicId} />
                      <button type="submit" name="intent" value="delete" className="button-small button-secondary" aria-label={`Delete ${c.year}`}>
                        Delete
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>No cycles yet.</p>
      )}
      {loaderData.cycles.length ? <p>In all you have spent {money(total)} applying.</p> : null}
      <h2>Add a year (or correct one: saving a year again replaces it)</h2>
      <Form method="post" noValidate className="stack-form">
        <CsrfField token={loaderData.csrf} />
        <FormField name="year" label="Match year" defaultValue={v.year} error={e.year} />
        <FormField name="specialties" label="Specialties applied to" required={false} defaultValue={v.specialties} error={e.specialties} hint="Separated by commas." />
        <FormField name="programmesApplied" label="Programmes applied to" defaultValue={v.programmesApplied} error={e.programmesApplied} />
        <FormField name="interviews" label="Interviews" defaultValue={v.interviews} error={e.interviews} />
        <SelectField
          name="rankListSubmitted"
          label="Did you submit a rank list?"
          options={[
            ["yes", "Yes"],
            ["no", "No"],
          ]}
          value={v.rankListSubmitted}
          error={e.rankListSubmitted}
        />
        <SelectField name="outcome" label="How did it end?" options={Object.entries(cycleOutcomes)} value={v.outcome} error={e.outcome} />
        <FormField
          name="amountSpent"
          label="Money spent applying that year (US dollars)"
          required={false}
          defaultValue={v.amountSpent}
          error={e.amountSpent}
          hint="ERAS and NRMP fees, exams, travel; an estimate is fine."
        />
        <button type="submit">Save this year</button>
      </Form>
    </div>
  );
}
