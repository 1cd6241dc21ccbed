import { data, Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { stateChamberLabels } from "~/domains/advocacy/labels";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/state-legislator";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField } from "~/app/components/form-field";
import { parseForm, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { findStateLegislator, saveStateCorrection, stateCorrectionSchema } from "~/domains/advocacy/legislators/state-legislator-corrections.server";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `${d?.reference.name ?? "State legislator"}`, "staff")];

const idOf = (params: { uuid: string }) => `ocd-person/${params.uuid}`;

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const found = await findStateLegislator(args.context.services.db, idOf(args.params));
  if (!found) throw data({ message: "No such state legislator." }, { status: 404 });
  return { ...found, csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const form = parseForm(formData, stateCorrectionSchema);
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    await saveStateCorrection(args.context.services.db, actorOf(viewer, args.context), idOf(args.params), form.value, args.context.services.clock());
    return redirectWithFlash(`/admin/state-legislators/${args.params.uuid}`, confirmations.stateLegislatorSaved, args.context);
  });
}

export default function StateLegislatorAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const { reference: r, fields, note, csrf } = loaderData;
  const e = actionData?.fieldErrors ?? {};
  const v: Record<string, string | null | undefined> = actionData?.values ?? { ...fields, note };
  return (
    <>
      <p>
        <Link to={`/admin/state-legislators?q=${r.state}`}>← State legislators</Link>
      </p>
      <h1>{r.name}</h1>
      <p>
        {r.party}, {r.state}, {stateChamberLabels[r.chamber as keyof typeof stateChamberLabels] ?? r.chamber}, district {r.district}. Reference data: e-mail {r.email ?? "—"}, capitol phone{" "}
        {r.capitolPhone ?? "—"}, website {r.website ?? "—"}.
      </p>
      <FormAlert message={actionData?.formError} />
      <h2>Correction</h2>
      <p className="hint">Leave a field empty to use the reference data. Empty every field to remove the correction.</p>
      <Form method="post" noValidate className="stack-form">
        <CsrfField token={csrf} />
        <FormField name="email" label="E-mail (letters are delivered here)" type="email" required={false} defaultValue={v.email ?? ""} error={e.email} />
        <FormField name="capitolPhone" label="Phone" required={false} defaultValue={v.capitolPhone ?? ""} error={e.capitolPhone} />
        <FormField name="website" label="Website" required={false} defaultValue={v.website ?? ""} error={e.website} />
        <FormField name="note" label="Why (for other staff)" required={false} defaultValue={v.note ?? ""} error={e.note} />
        <button type="submit">Save correction</button>
      </Form>
    </>
  );
}
