import { data, Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle, useOrganisationShortName } from "~/app/page-title";
import type { Route } from "./+types/figure";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField } from "~/app/components/form-field";
import { parseForm, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { listFigures } from "~/domains/site/queries.server";
import { figureInputSchema, updateFigure } from "~/domains/site/update-figure.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Edit a figure", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const figure = (await listFigures(args.context.services.db)).find((f) => f.slug === args.params.slug);
  if (!figure) throw data({ message: "No such figure." }, { status: 404 });
  return { figure, csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const form = parseForm(formData, figureInputSchema);
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    await updateFigure(args.context.services.db, actorOf(viewer, args.context), args.params.slug, form.value, args.context.services.clock());
    return redirectWithFlash(`/admin/figures/${args.params.slug}`, confirmations.figureSaved, args.context);
  });
}

export default function Figure({ loaderData, actionData }: Route.ComponentProps) {
  const { figure, csrf } = loaderData;
  const org = useOrganisationShortName();
  const { claim, amgFigure, amgStatement, amgSource, officialFigure, officialBasis, officialSource, verdict, sourceUrl, checkedOn } = figure;
  const v: Record<string, string | null | undefined> = actionData?.values ?? {
    claim,
    amgFigure,
    amgStatement,
    amgSource,
    officialFigure,
    officialBasis,
    officialSource,
    verdict,
    sourceUrl,
    checkedOn,
  };
  const e = actionData?.fieldErrors ?? {};
  const field = (name: string, label: string, options: { required?: boolean; multiline?: boolean; hint?: string } = {}) => (
    <FormField name={name} label={label} defaultValue={v[name] ?? ""} error={e[name]} required={options.required ?? true} multiline={options.multiline} hint={options.hint} />
  );
  return (
    <>
      <p>
        <Link to="/admin/figures">← Figures</Link>
      </p>
      <h1>{figure.claim}</h1>
      <FormAlert message={actionData?.formError} />
      <Form method="post" noValidate className="stack-form">
        <CsrfField token={csrf} />
        {field("claim", "What it measures")}
        {field("amgFigure", `${org}'s figure`, { hint: "As shown in large type, e.g. 119,218 or $10,000+." })}
        {field("amgStatement", "The sentence after the figure", { multiline: true })}
        {field("amgSource", `Source of ${org}'s figure`, { hint: `Usually ${org}.` })}
        {field("officialFigure", "Official figure", { required: false })}
        {field("officialBasis", "How the official figure is counted", { required: false, multiline: true })}
        {field("officialSource", "Source of the official figure", { required: false })}
        {field("sourceUrl", "Link to the official source", { required: false, hint: "An https:// address readers can open." })}
        {field("verdict", "How the two figures compare, in one plain sentence for readers", { required: false, multiline: true })}
        {field("checkedOn", "Last checked against the source", { required: false, hint: "A date, e.g. 2026-11-30." })}
        <button type="submit">Save figure</button>
      </Form>
    </>
  );
}
