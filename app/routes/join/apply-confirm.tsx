import { data, Form, Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/apply-confirm";
import { signedInRedirect } from "~/app/session.server";
import { tokenSchema } from "~/domains/email/email.schema";
import { confirmApplicationChange, findHeldAnswers } from "~/domains/membership/confirm-application-change.server";
import { findReceiptSignIn, signInFromReceipt } from "~/domains/membership/sign-in-from-receipt.server";

// The e-mailed links of an application. `?signin=`: the receipt's link, which signs the applicant
// in to follow the application (docs/decisions/0020). `?token=`: applies answers sent for an address
// that already had an application. Opening either shows what it will do and a button; the POST does
// it (a mail scanner following links changes nothing).
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Update your application"), { name: "robots", content: "noindex" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const signIn = tokenSchema.safeParse(params.get("signin"));
  if (params.has("signin")) {
    const link = signIn.success ? await findReceiptSignIn(context.services.db, signIn.data, context.services.clock()) : null;
    return { signIn: link && signIn.success ? { token: signIn.data, ...link } : ("expired" as const), token: null, summary: null, keepsUpdated: false };
  }
  const token = tokenSchema.safeParse(params.get("token"));
  const found = token.success ? await findHeldAnswers(context.services.db, token.data, context.services.clock()) : null;
  return found && token.success ? { signIn: null, token: token.data, summary: found.summary, keepsUpdated: found.keepsUpdated } : { signIn: null, token: null, summary: null, keepsUpdated: false };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  if (formData.get("intent") === "sign-in") {
    const signIn = tokenSchema.safeParse(formData.get("signin"));
    const outcome = signIn.success
      ? await signInFromReceipt({
          ...context.services,
          token: signIn.data,
          ip: context.clientIp,
          userAgent: request.headers.get("user-agent"),
        })
      : null;
    if (outcome?.ok) return signedInRedirect(outcome, "/account", context);
    return data({ failed: true as const, signInFailed: true as const }, { status: 400 });
  }
  const token = tokenSchema.safeParse(formData.get("token"));
  const outcome = token.success ? await confirmApplicationChange({ ...context.services, token: token.data }) : { ok: false as const };
  if (!outcome.ok) return data({ failed: true as const, signInFailed: false as const }, { status: 400 });
  return { failed: false as const, isMember: outcome.isMember, result: outcome.result };
}

export default function ApplyConfirm({ loaderData, actionData }: Route.ComponentProps) {
  if (loaderData.signIn) {
    if (loaderData.signIn === "expired" || actionData?.failed) {
      return (
        <div className="page narrow">
          <h1>This link cannot be used</h1>
          <p className="lead">It has already been used, was replaced, or has expired (it works once, for 3 days). Your application is kept: sign in with your e-mail address to see it.</p>
          <p>
            <Link className="button" to="/sign-in">
              Sign in
            </Link>
          </p>
        </div>
      );
    }
    return (
      <div className="page narrow">
        <h1>See your application</h1>
        <p className="lead">
          This signs you in as <strong>{loaderData.signIn.email}</strong>. On your account page you can follow your application, read what the volunteer writes, and correct your answers while it is
          reviewed.
        </p>
        {loaderData.signIn.keepsUpdated ? <p>You also join the e-mail list for news and next steps, as you asked (unsubscribe at any time).</p> : null}
        <Form method="post">
          <input type="hidden" name="signin" value={loaderData.signIn.token} />
          <button type="submit" name="intent" value="sign-in">
            Sign in and see my application
          </button>
        </Form>
        <p className="hint">Not you? Close this page: nothing changes.</p>
      </div>
    );
  }
  if (actionData && !actionData.failed) {
    if (actionData.isMember) {
      return (
        <div className="page narrow">
          <h1>You are already a member</h1>
          <p className="lead">
            Nothing was changed. To update your answers, sign in and open <Link to="/account/profile">your profile</Link>.
          </p>
        </div>
      );
    }
    const { decision, reasons } = actionData.result;
    return (
      <div className="page narrow">
        <h1>Your application is updated</h1>
        <p className="lead">
          {decision === "ineligible" ? "From these answers we cannot accept the application:" : "A volunteer doctor will review it again and write to you, usually within a week."}
        </p>
        {reasons.length ? (
          <ul>
            {reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  if (!loaderData.token || !loaderData.summary || actionData?.failed) {
    return (
      <div className="page narrow">
        <h1>This link cannot be used</h1>
        <p className="lead">It has already been used, was replaced, or has expired (links work once, for 3 days). If you used it before, your application was updated then.</p>
        <p>
          <Link to="/join/apply">Fill in the form again</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Update your application</h1>
      <p className="lead">The membership form was sent again with your e-mail address. Your application has not changed. Press the button to replace its answers with these:</p>
      <ul>
        {loaderData.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>A volunteer then reviews the application again; if staff had checked your documents, they check them again.</p>
      {loaderData.keepsUpdated ? <p>You also join the e-mail list for news and next steps, as you asked (unsubscribe at any time).</p> : null}
      <Form method="post">
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit">Apply these answers</button>
      </Form>
      <p className="hint">Not you? Close this page: nothing changes.</p>
    </div>
  );
}
