import { Form, redirect, useNavigation } from "react-router";
import { organisationNamesOf, pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/contact";
import { FormField, HoneypotField } from "~/app/components/form-field";
import { FormAlert } from "~/app/components/form-alert";
import { siteSettingsFor } from "~/app/site-settings.server";
import { formFailureOf, isSpam, parseForm, passActionHeaders, rateLimitedForm } from "~/app/form-data";
import { describeOfficeHours, summariseWeeklyHours } from "~/domains/site/office-hours";
import { contactInputSchema } from "~/domains/site/site.schema";
import { messages } from "~/domains/site/messages";
import { submitContactMessage } from "~/domains/site/submit-contact-message.server";
import { markPublic } from "~/platform/request-context";
import { getViewer } from "~/app/session.server";
import { messages as emailMessages } from "~/domains/email/messages";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Contact us"), { name: "description", content: `Write to the ${organisationNamesOf(matches).name}.` }];

export async function loader(args: Route.LoaderArgs) {
  const { context } = args;
  // A signed-in person's form is filled with their name and address: that page is theirs alone, never cached.
  const viewer = await getViewer(args);
  if (!viewer) markPublic(context);
  const { organisation, officeHours } = await siteSettingsFor(context);
  const status = describeOfficeHours(context.services.clock(), officeHours);
  return {
    email: organisation.email,
    officeStatus: status.label,
    weekly: summariseWeeklyHours(officeHours),
    known: viewer && !viewer.secondFactorPending ? { name: viewer.name, email: viewer.email } : null,
    updatesConsent: emailMessages.updatesConsent,
  };
}

export const headers = passActionHeaders;

export async function action(args: Route.ActionArgs) {
  const { request, context } = args;
  const form = parseForm(await request.formData(), contactInputSchema);
  if (isSpam(form.values)) return redirect("/contact/sent");
  if (!form.ok) return form.response;
  // Proven: signed in (second factor done) as the very address typed; anyone else confirms by the newsletter's link.
  const viewer = await getViewer(args);
  const outcome = await submitContactMessage({
    isProven: viewer !== null && !viewer.secondFactorPending && viewer.email === form.value.email,
    ...context.services,
    input: form.value,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  if (!outcome.ok) return rateLimitedForm(messages.rateLimited, outcome.retryAfterSeconds, form.values);
  return redirect("/contact/sent");
}

export default function Contact({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const failure = formFailureOf(actionData);
  const { fieldErrors: errors, formError } = failure;
  const known = loaderData.known;
  const values: Record<string, string | undefined> = failure.failed ? failure.values : { name: known?.name || undefined, email: known?.email };
  const errorCount = Object.keys(errors).length;
  return (
    <div className="page narrow">
      <h1>Contact us</h1>
      <p className="lead">Questions about membership, mentoring or our campaigns? Write to us and a volunteer will answer by e-mail, usually within two working days.</p>
      <p>
        <strong>Office hours:</strong> {loaderData.weekly.join("; ")}, except US federal holidays. <span className="office-status-inline">{loaderData.officeStatus}</span>
        <br />
        <strong>E-mail:</strong> <a href={`mailto:${loaderData.email}`}>{loaderData.email}</a>
      </p>
      <FormAlert message={formError} />
      {errorCount > 0 ? (
        <div className="alert alert-error" role="alert">
          Please correct {errorCount === 1 ? "the field" : `the ${errorCount} fields`} marked below.
        </div>
      ) : null}
      <Form method="post" noValidate className="stack-form">
        <FormField name="name" label="Your name" autoComplete="name" error={errors.name} defaultValue={values.name} maxLength={120} />
        <FormField name="email" label="Your e-mail" type="email" autoComplete="email" error={errors.email} defaultValue={values.email} />
        <FormField name="subject" label="Subject" error={errors.subject} defaultValue={values.subject} maxLength={150} />
        <FormField name="message" label="Message" multiline error={errors.message} defaultValue={values.message} maxLength={5000} />
        <div className="field">
          <label>
            <input type="checkbox" name="keepUpdated" defaultChecked={values.keepUpdated === "on"} /> {loaderData.updatesConsent}
          </label>
          <p className="hint">We e-mail you a link to confirm first, unless you are signed in with this address.</p>
        </div>
        <HoneypotField />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Sending…" : "Send message"}
        </button>
      </Form>
    </div>
  );
}
