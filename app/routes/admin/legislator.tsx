import { data, Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/legislator";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField } from "~/app/components/form-field";
import { parseForm, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { correctionSchema, findCongressMember, saveCorrection } from "~/domains/advocacy/legislators/legislator-corrections.server";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `${d?.member.fullName ?? "Legislator"}`, "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const found = await findCongressMember(args.context.services.db, args.params.bioguide);
  if (!found) throw data({ message: "No such member of Congress." }, { status: 404 });
  return { ...found, csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const form = parseForm(formData, correctionSchema);
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    await saveCorrection(args.context.services.db, actorOf(viewer, args.context), args.params.bioguide, form.value, args.context.services.clock());
    return redirectWithFlash(`/admin/legislators/${args.params.bioguide}`, confirmations.legislatorSaved, args.context);
  });
}

export default function Legislator({ loaderData, actionData }: Route.ComponentProps) {
  const { member, override, csrf } = loaderData;
  const e = actionData?.fieldErrors ?? {};
  const v = actionData?.values ?? { ...(override?.fields ?? {}), note: override?.note ?? "" };
  return (
    <>
      <p>
        <Link to="/admin/legislators">← Members of Congress</Link>
      </p>
      <h1>{member.fullName}</h1>
      <p>
        {member.party}, {member.chamber === "senate" ? `Senate, ${member.state}` : `House, ${member.state}-${member.district}`}. Reference data: phone {member.phone ?? "—"}, website{" "}
        {member.url ?? "—"}, contact form {member.contactForm ?? "—"}.
      </p>
      <FormAlert message={actionData?.formError} />
      <h2>Correction</h2>
      <p className="hint">Leave a field empty to use the reference data. Empty every field to remove the correction.</p>
      <Form method="post" noValidate className="stack-form">
        <CsrfField token={csrf} />
        <FormField name="phone" label="Phone" required={false} defaultValue={v.phone} error={e.phone} />
        <FormField name="website" label="Website" required={false} defaultValue={v.website} error={e.website} />
        <FormField name="contactForm" label="Contact form" required={false} defaultValue={v.contactForm} error={e.contactForm} />
        <FormField name="address" label="Office address" required={false} defaultValue={v.address} error={e.address} />
        <FormField name="note" label="Why (for other staff)" required={false} defaultValue={v.note} error={e.note} />
        <button type="submit">Save correction</button>
      </Form>
    </>
  );
}
