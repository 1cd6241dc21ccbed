import { Form, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/newsletter";
import { FormField, HoneypotField } from "~/app/components/form-field";
import { FormAlert } from "~/app/components/form-alert";
import { formFailureOf, isSpam, parseForm, passActionHeaders, rateLimitedForm } from "~/app/form-data";
import { subscribeInputSchema } from "~/domains/email/email.schema";
import { messages } from "~/domains/email/messages";
import { subscribeToNewsletter } from "~/domains/email/subscribe-to-newsletter.server";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [
  pageTitle(matches, "Newsletter"),
  { name: "description", content: "Subscribe to AMG's newsletter: residency positions, state laws, and what you can do." },
];

export function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  return null;
}

export const headers = passActionHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseForm(await request.formData(), subscribeInputSchema);
  if (isSpam(form.values)) return redirect("/newsletter/check-email");
  if (!form.ok) return form.response;
  const outcome = await subscribeToNewsletter({ ...context.services, input: form.value, ip: context.clientIp });
  if (!outcome.ok) return rateLimitedForm(messages.rateLimited, outcome.retryAfterSeconds, form.values);
  return redirect("/newsletter/check-email");
}

export default function Newsletter({ actionData }: Route.ComponentProps) {
  const { fieldErrors: errors, values, formError } = formFailureOf(actionData);
  return (
    <div className="page narrow">
      <h1>Subscribe to our newsletter</h1>
      <p className="lead">
        Short updates on the Resident Physician Shortage Reduction Act, collaborative-practice laws in the states, and what you can do to help. We never share your address, and every e-mail has a
        one-click unsubscribe link.
      </p>
      <FormAlert message={formError} />
      <Form method="post" noValidate className="stack-form">
        <input type="hidden" name="source" value="newsletter-page" />
        <FormField name="email" label="Your e-mail" type="email" autoComplete="email" error={errors.email} defaultValue={values.email} hint="We will send you a link to confirm your subscription." />
        <HoneypotField />
        <button type="submit">Subscribe</button>
      </Form>
    </div>
  );
}
