import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/sign-in-two-factor";
import { FormField } from "../../components/form-field";
import { getViewer, safeNextPath } from "../../session.server";
import { completeSecondFactor } from "../../../domains/accounts/second-factor.server";
import { hitRateLimit, rateLimits } from "../../../platform/rate-limit.server";

export const meta: Route.MetaFunction = () => [{ title: "Authenticator code — AMG" }];

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
  const next = safeNextPath(String(formData.get("next") ?? ""));
  const code = String(formData.get("code") ?? "").trim();
  const { db, clock } = args.context.services;
  const limit = await hitRateLimit(db, rateLimits.signInCodePerIp, args.context.clientIp ?? "unknown", clock());
  if (!limit.allowed) return data({ error: "Too many attempts. Please wait a few minutes.", code }, { status: 429 });
  if (!code) return data({ error: "Please type the 6-digit code from your authenticator app, or a recovery code.", code }, { status: 400 });
  const ok = await completeSecondFactor(db, { personId: viewer.personId, sessionId: viewer.sessionId, code, now: clock() });
  if (!ok) return data({ error: "That code does not match. Codes change every 30 seconds; each works once.", code }, { status: 400 });
  return redirect(next);
}

export default function SignInTwoFactor({ loaderData, actionData }: Route.ComponentProps) {
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
