import { randomBytes } from "node:crypto";
import { pageTitle } from "~/app/page-title";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/sign-in";
import { FormField } from "~/app/components/form-field";
import { FormAlert } from "~/app/components/form-alert";
import { formFailureOf, parseForm, passActionHeaders, rateLimitedForm } from "~/app/form-data";
import { otherHostThanAppUrl } from "~/app/link-host";
import { getViewer, readCookie, safeNextPath, serializeCookie } from "~/app/session.server";
import { signInRequestSchema } from "~/domains/accounts/accounts.schema";
import { messages } from "~/domains/accounts/messages";
import { requestSignIn } from "~/domains/accounts/sign-in.server";
import { signInValidMinutes } from "~/domains/accounts/rules";
import { knownDeviceCookieName, signInCookieName } from "~/platform/request-context";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Sign in")];

export async function loader(args: Route.LoaderArgs) {
  const next = safeNextPath(new URL(args.request.url).searchParams.get("next"));
  if (await getViewer(args)) throw redirect(next);
  return { next };
}

export const headers = passActionHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseForm(await request.formData(), signInRequestSchema);
  if (!form.ok) return form.response;
  const next = safeNextPath(form.values.next);
  // A browser asking again keeps its nonce, so the mail it already has still works here (the
  // second request may send nothing: docs/decisions/0013-sign-in-limits.md).
  const earlierNonce = readCookie(request, signInCookieName);
  const browserNonce = earlierNonce && /^[A-Za-z0-9_-]{32}$/.test(earlierNonce) ? earlierNonce : randomBytes(24).toString("base64url");
  const outcome = await requestSignIn({
    ...context.services,
    email: form.value.email,
    browserNonce,
    ip: context.clientIp,
    knownDevice: readCookie(request, knownDeviceCookieName),
    askedFrom: otherHostThanAppUrl(request.url, context.services.appUrl),
  });
  if (!outcome.ok) return rateLimitedForm(messages.signInRateLimited, outcome.retryAfterSeconds, form.values);
  return redirect(`/sign-in/check?next=${encodeURIComponent(next)}`, {
    headers: { "Set-Cookie": serializeCookie(signInCookieName, browserNonce, { maxAgeSeconds: signInValidMinutes * 60, secure: context.secureCookies }) },
  });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { fieldErrors: errors, values, formError } = formFailureOf(actionData);
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <p className="lead">For AMG members, mentors and staff. We will e-mail you a sign-in link and a code; no password needed.</p>
      <FormAlert message={formError} />
      <Form method="post" noValidate className="stack-form">
        <input type="hidden" name="next" value={loaderData.next} />
        <FormField name="email" label="Your e-mail" type="email" autoComplete="email" error={errors.email} defaultValue={values.email} />
        <button type="submit">E-mail me a sign-in link</button>
      </Form>
    </div>
  );
}
