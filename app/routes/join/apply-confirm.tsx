import { data, Form, Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/apply-confirm";
import { tokenSchema } from "~/domains/email/email.schema";
import { confirmApplicationChange, findHeldAnswers } from "~/domains/membership/confirm-application-change.server";

// The e-mailed link to apply answers sent for an address that already had an application. Opening
// it shows the answers and a button; the POST applies them (a mail scanner following links changes nothing).
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Update your application"), { name: "robots", content: "noindex" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  const found = token.success ? await findHeldAnswers(context.services.db, token.data, context.services.clock()) : null;
  return found && token.success ? { token: token.data, summary: found.summary } : { token: null, summary: null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = tokenSchema.safeParse((await request.formData()).get("token"));
  const outcome = token.success ? await confirmApplicationChange({ ...context.services, token: token.data }) : { ok: false as const };
  if (!outcome.ok) return data({ failed: true as const }, { status: 400 });
  return { failed: false as const, isMember: outcome.isMember, result: outcome.result };
}

export default function ApplyConfirm({ loaderData, actionData }: Route.ComponentProps) {
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
      <Form method="post">
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit">Apply these answers</button>
      </Form>
      <p className="hint">Not you? Close this page: nothing changes.</p>
    </div>
  );
}
