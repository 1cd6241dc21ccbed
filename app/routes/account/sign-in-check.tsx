import { Form } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/sign-in-check";
import { FormField } from "~/app/components/form-field";
import { formFailure, formFailureOf, parseForm } from "~/app/form-data";
import { otherHostThanAppUrl } from "~/app/link-host";
import { readCookie, safeNextPath, signedInRedirect } from "~/app/session.server";
import { signInCodeSchema } from "~/domains/accounts/accounts.schema";
import { messages } from "~/domains/accounts/messages";
import { completeSignInWithCode } from "~/domains/accounts/sign-in.server";
import type { CompleteSignInOutcome } from "~/domains/accounts/sign-in.server";
import { signInCookieName } from "~/platform/request-context";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Check your e-mail")];

export function loader({ request, context }: Route.LoaderArgs) {
  const linkHost = new URL(context.services.appUrl).host;
  return { next: safeNextPath(new URL(request.url).searchParams.get("next")), askedFrom: otherHostThanAppUrl(request.url, context.services.appUrl), linkHost };
}

const failureMessages: Record<Exclude<CompleteSignInOutcome, { ok: true }>["reason"], string> = {
  "wrong-code": messages.codeWrong,
  expired: messages.codeExpired,
  "too-many-attempts": messages.tooManyCodeAttempts,
  "other-browser": messages.linkOtherBrowser,
  "rate-limited": messages.signInRateLimited,
};

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseForm(await request.formData(), signInCodeSchema);
  if (!form.ok) return form.response;
  const next = safeNextPath(form.values.next);
  const outcome = await completeSignInWithCode({
    ...context.services,
    code: form.value.code,
    browserNonce: readCookie(request, signInCookieName),
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  if (outcome.ok) return signedInRedirect(outcome, next, context);
  return formFailure(form.values, { status: outcome.reason === "rate-limited" ? 429 : 400, fieldErrors: { code: failureMessages[outcome.reason] } });
}

export default function SignInCheck({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Check your e-mail</h1>
      <p className="lead">If that address has an account, we have sent it a sign-in link and a 6-digit code. They work once, for 15 minutes.</p>
      <p>Asked more than once? We send only a few e-mails to one address in 15 minutes: use the newest one you received.</p>
      {loaderData.askedFrom ? (
        <p className="notice" role="note">
          {`You are on ${loaderData.askedFrom}, but the e-mailed link opens ${loaderData.linkHost}, where this browser is not the one that asked. Type the code here instead.`}
        </p>
      ) : null}
      <p>{loaderData.askedFrom ? "Type the code here:" : "Open the link in this browser, or type the code here:"}</p>
      <Form method="post" noValidate className="stack-form">
        <input type="hidden" name="next" value={loaderData.next} />
        <FormField
          name="code"
          label="6-digit code"
          autoComplete="one-time-code"
          error={formFailureOf(actionData).fieldErrors.code}
          defaultValue={formFailureOf(actionData).values.code}
          maxLength={7}
        />
        <button type="submit">Sign in</button>
      </Form>
      <p>
        Nothing arrived? Check your spam folder, or <a href="/sign-in">ask for a new link</a>.
      </p>
    </div>
  );
}
