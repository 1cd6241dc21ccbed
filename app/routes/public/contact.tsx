import { data, Form, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/contact";
import { FormField, HoneypotField } from "../../components/form-field";
import { formValues, isSpam, minutes } from "../../form-data";
import { describeOfficeHours, summariseWeeklyHours } from "../../../domains/site/office-hours";
import { getSiteSettings } from "../../../domains/site/queries.server";
import { contactInputSchema } from "../../../domains/site/site.schema";
import { messages } from "../../../domains/site/messages";
import { submitContactMessage } from "../../../domains/site/submit-contact-message.server";
import { toFieldErrors } from "../../../platform/errors";
import { markPublic } from "../../../platform/request-context";

export const meta: Route.MetaFunction = () => [{ title: "Contact us — AMG" }, { name: "description", content: "Write to the Alliance of Medical Graduates." }];

export async function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  const { organisation, officeHours } = await getSiteSettings(context.services.db);
  const status = describeOfficeHours(context.services.clock(), officeHours);
  return { email: organisation.email, officeStatus: status.label, weekly: summariseWeeklyHours(officeHours) };
}

/** Passes the action's headers (Retry-After of a 429) on to the page's response. */
export const headers: Route.HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const values = formValues(await request.formData());
  if (isSpam(values)) return redirect("/contact/sent");
  const parsed = contactInputSchema.safeParse(values);
  if (!parsed.success) return data({ fieldErrors: toFieldErrors(parsed.error.issues), formError: null, values }, { status: 400 });
  const outcome = await submitContactMessage({
    ...context.services,
    input: parsed.data,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  if (!outcome.ok) {
    const formError = `${messages.rateLimited} (about ${minutes(outcome.retryAfterSeconds)} min)`;
    return data({ fieldErrors: {} as Record<string, string>, formError, values }, { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } });
  }
  return redirect("/contact/sent");
}

export default function Contact({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  const errorCount = Object.keys(errors).length;
  return (
    <div className="page narrow">
      <h1>Contact us</h1>
      <p className="lead">
        Questions about membership, mentoring or our campaigns? Write to us and a volunteer will answer by e-mail, usually within two working days.
      </p>
      <p>
        <strong>Office hours:</strong> {loaderData.weekly.join("; ")}, except US federal holidays. <span className="office-status-inline">{loaderData.officeStatus}</span>
        <br />
        <strong>E-mail:</strong> <a href={`mailto:${loaderData.email}`}>{loaderData.email}</a>
      </p>
      {actionData?.formError ? (
        <div className="alert alert-error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
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
        <HoneypotField />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Sending…" : "Send message"}
        </button>
      </Form>
    </div>
  );
}
