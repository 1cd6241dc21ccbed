import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/sign-in-two-factor";
import { FormField } from "../../components/form-field";
import { minutes, passActionHeaders } from "../../form-data";
import { actorOf, getViewer, safeNextPath, serializeCookie } from "../../session.server";
import { messages } from "../../../domains/accounts/messages";
import { completeSecondFactor } from "../../../domains/accounts/second-factor.server";
import { hitRateLimit, rateLimits } from "../../../platform/rate-limit.server";
import { sessionCookieName } from "../../../platform/request-context";

export const meta: Route.MetaFunction = () => [{ title: "Authenticator code — AMG" }];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await getViewer(args);
  const next = safeNextPath(new URL(args.request.url).searchParams.get("next"));
  if (!viewer) throw redirect("/sign-in");
  if (!viewer.secondFactorPending) throw redirect(next);
  return { next };
}

type ActionData = { error: string; code: string; locked?: undefined } | { locked: string; error?: undefined; code?: undefined };

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await getViewer(args);
  if (!viewer) throw redirect("/sign-in");
  const next = safeNextPath(String(formData.get("next") ?? ""));
  if (!viewer.secondFactorPending) throw redirect(next);
  const code = String(formData.get("code") ?? "").trim();
  const { db, clock } = args.context.services;
  const limit = await hitRateLimit(db, rateLimits.signInCodePerIp, args.context.clientIp ?? "unknown", clock());
  if (!limit.allowed) return data<ActionData>({ error: messages.secondFactorRateLimited, code }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  if (!code) return data<ActionData>({ error: messages.secondFactorMissing, code }, { status: 400 });
  const outcome = await completeSecondFactor(args.context.services, { actor: actorOf(viewer, args.context), sessionId: viewer.sessionId, code, now: clock() });
  if (outcome.ok) return redirect(next);
  if (outcome.reason === "wrong-code") return data<ActionData>({ error: messages.secondFactorWrong(outcome.attemptsLeft), code }, { status: 400 });
  // This sign-in has ended: the browser forgets its session, and the page says what to do.
  return data<ActionData>(
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
  if (actionData?.locked) {
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
        <FormField name="code" label="Code" autoComplete="one-time-code" error={actionData?.error} defaultValue={actionData?.code} />
        <button type="submit">Continue</button>
      </Form>
    </div>
  );
}
