import { pageTitle } from "~/app/page-title";
import { Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/newsletter-automations";
import { CsrfField } from "~/app/components/csrf-field";
import { FormField } from "~/app/components/form-field";
import { formFailureOf, parseForm } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { automationLabels, listAutomations, saveAutomation } from "~/domains/email/newsletters/automations.server";
import { multiLineText, oneLineText } from "~/platform/text-fields";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Welcome e-mails", "staff")];

const automationSchema = z.object({
  key: z.enum(["welcome-subscriber", "welcome-member"]),
  enabled: z.boolean(),
  subject: oneLineText(200).min(1, "Please write a subject."),
  markdown: multiLineText(20_000).min(1, "Please write the e-mail."),
});

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  return {
    automations: (await listAutomations(args.context.services.db)).map((a) => ({ ...a, label: automationLabels[a.key] })),
    csrf: viewer.csrfToken,
    saved: new URL(args.request.url).searchParams.get("saved"),
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const form = parseForm(formData, automationSchema, { input: (v) => ({ ...v, enabled: v.enabled === "on" }) });
  if (!form.ok) return form.response;
  await saveAutomation({ db: args.context.services.db, actor: actorOf(viewer, args.context), automation: form.value, now: args.context.services.clock() });
  return redirect(`/admin/newsletters/automations?saved=${form.value.key}`);
}

export default function NewsletterAutomations({ loaderData, actionData }: Route.ComponentProps) {
  const failure = formFailureOf(actionData);
  return (
    <>
      <p>
        <a href="/admin/newsletters">Newsletters</a>
      </p>
      <h1>Welcome e-mails</h1>
      <p className="lead">Sent automatically, once, to each new subscriber and each new member. Links starting with / point to this website.</p>
      {loaderData.automations.map((a) => {
        const mine = failure.failed && failure.values.key === a.key;
        const values = mine ? failure.values : { subject: a.subject, markdown: a.markdown };
        return (
          <Form method="post" className="stack" key={a.key}>
            <h2>{a.label}</h2>
            {loaderData.saved === a.key ? (
              <p role="status" className="notice">
                Saved.
              </p>
            ) : null}
            <CsrfField token={loaderData.csrf} />
            <input type="hidden" name="key" value={a.key} />
            <label className="checkbox">
              <input type="checkbox" name="enabled" value="on" defaultChecked={mine ? failure.values.enabled === "on" : a.enabled} /> Send this e-mail
            </label>
            <FormField name="subject" label="Subject" defaultValue={values.subject} error={mine ? failure.fieldErrors.subject : undefined} maxLength={200} />
            <FormField name="markdown" label="E-mail (Markdown)" multiline rows={8} defaultValue={values.markdown} error={mine ? failure.fieldErrors.markdown : undefined} maxLength={20_000} />
            <button type="submit">Save</button>
          </Form>
        );
      })}
    </>
  );
}
