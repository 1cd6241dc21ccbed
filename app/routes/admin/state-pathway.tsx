import { data, Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/state-pathway";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField, SelectField } from "~/app/components/form-field";
import { formAlertOf, formFailureOf, parseForm, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { askFor, findStatePathway } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { statePathwayInputSchema, updateStatePathway } from "~/domains/advocacy/state-pathways/update-state-pathway.server";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `${d?.stateName ?? "State"}: state law tracker`, "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const state = args.params.state.toUpperCase();
  const row = await findStatePathway(args.context.services.db, state);
  if (!row) throw data({ message: "No such state." }, { status: 404 });
  return {
    csrf: viewer.csrfToken,
    state,
    stateName: stateNames[state] ?? state,
    ask: askFor(row),
    values: {
      status: row.status,
      law: row.law,
      year: row.year ? String(row.year) : "",
      licenceTitle: row.licenceTitle,
      requirements: row.requirements,
      practiceRules: row.practiceRules,
      sources: row.sources,
    } as Record<string, string>,
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const state = args.params.state.toUpperCase();
  const form = parseForm(formData, statePathwayInputSchema);
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    await updateStatePathway(args.context.services.db, actorOf(viewer, args.context), state, form.value, args.context.services.clock());
    return redirectWithFlash(`/admin/state-pathways/${state}`, confirmations.statePathwaySaved, args.context);
  });
}

export default function StatePathwayEdit({ loaderData, actionData }: Route.ComponentProps) {
  const failure = formFailureOf(actionData);
  const v: Record<string, string> = failure.failed ? failure.values : loaderData.values;
  const e = failure.fieldErrors;
  const field = (name: string, label: string, options: { multiline?: boolean; hint?: string } = {}) => (
    <FormField name={name} label={label} defaultValue={v[name] ?? ""} error={e[name]} required={false} multiline={options.multiline} rows={3} hint={options.hint} />
  );
  return (
    <>
      <p>
        <Link to="/admin/state-pathways">← State law tracker</Link>
      </p>
      <h1>{loaderData.stateName}</h1>
      <FormAlert message={formAlertOf(failure)} />
      <Form method="post" noValidate className="stack-form">
        <CsrfField token={loaderData.csrf} />
        <SelectField
          name="status"
          label="Status"
          options={[
            ["law-in-force", "Law in force"],
            ["bill-pending", "Bill pending"],
            ["none", "No law found"],
          ]}
          value={v.status}
          error={e.status}
          placeholder={null}
        />
        {field("law", "Law or bill", { hint: "The law's name, or the pending bill's number (e.g. A 1234)." })}
        {field("year", "Year enacted or introduced")}
        {field("licenceTitle", "Licence title", { hint: "E.g. Assistant physician." })}
        {field("requirements", "Requirements", { multiline: true })}
        {field("practiceRules", "Practice rules", { multiline: true })}
        {field("sources", "Sources", { multiline: true, hint: "Links to the law or bill: shown to the public." })}
        <button type="submit">Save</button>
      </Form>
    </>
  );
}
