import { data, Form, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/sign-in-two-factor";
import { FormField } from "~/app/components/form-field";
import { formFailure, formFailureOf, formValues, minutes, parseForm, passActionHeaders } from "~/app/form-data";
import { actorOf, getViewer, safeNextPath, serializeCookie } from "~/app/session.server";
import { secondFactorCodeSchema } from "~/domains/accounts/accounts.schema";
import { messages } from "~/domains/accounts/messages";
import { completeSecondFactor } from "~/domains/accounts/second-factor.server";
import { hitRateLimit, rateLimits } from "~/platform/rate-limit.server";
import { sessionCookieName } from "~/platform/request-context";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Authenticator code")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await getViewer(args);
  const next = safeNextPath(new URL(args.request.url).searchParams.get("next"));
  if (!viewer) throw redirect("/sign-in");
  if (!viewer.secondFactorPending) throw redirect(next);
  return { next };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await getViewer(args);
  if (!viewer) throw redirect("/sign-in");
  const values = formValues(formData);
  const next = safeNextPath(values.next);
  if (!viewer.secondFactorPending) throw redirect(next);
  const { db, clock } = args.context.services;
  const limit = await hitRateLimit(db, rateLimits.signInCodePerIp, args.context.clientIp ?? "unknown", clock());
  if (!limit.allowed) return formFailure(values, { status: 429, fieldErrors: { code: messages.secondFactorRateLimited }, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  const form = parseForm(formData, secondFactorCodeSchema);
  if (!form.ok) return form.response;
  const outcome = await completeSecondFactor(args.context.services, { actor: actorOf(viewer, args.context), sessionId: viewer.sessionId, code: form.value.code, now: clock() });
  if (outcome.ok) return redirect(next);
  if (outcome.reason === "wrong-code") return formFailure(values, { fieldErrors: { code: messages.secondFactorWrong(outcome.attemptsLeft) } });
  // This sign-in has ended (an expected outcome, not a failed form): the browser forgets its session, and the page says what to do.
  return data(
    { locked: messages.secondFactorLocked(waitText(outcome.retryAfterSeconds)) },
    {
      status: 429,
      headers: [
        ["Retry-After", String(outcome.retryAfterSeconds)],
        ["Set-Cookie", serializeCookie(sessionCookieName, "", { maxAgeSeconds: 0, secure: args.context.secureCookies })],
      ],
    },
  );
}

export const headers = passActionHeaders;

const waitText = (seconds: number) => (seconds > 90 * 60 ? `about ${Math.ceil(seconds / 3600)} hours` : `about ${minutes(seconds)} min`);

export default function SignInTwoFactor({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData && "locked" in actionData) {
    return (
      <div className="page narrow">
        <h1>This sign-in has been stopped</h1>
        <div className="alert alert-error" role="alert">
          {actionData.locked}
        </div>
        <p>
          <a className="button" href="/sign-in">
            Start signing in again
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>One more step</h1>
      <p className="lead">Type the code from your authenticator app. Lost your phone? Type one of your recovery codes instead.</p>
      <Form method="post" noValidate className="stack-form">
        <input type="hidden" name="next" value={loaderData.next} />
        <FormField name="code" label="Code" autoComplete="one-time-code" error={formFailureOf(actionData).fieldErrors.code} defaultValue={formFailureOf(actionData).values.code} />
        <button type="submit">Continue</button>
      </Form>
    </div>
  );
}
