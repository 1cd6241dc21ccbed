import { Form, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/campaign-confirm";
import { confirmHeldAction, findHeldActionByToken } from "~/domains/advocacy/campaigns/confirm-held-action.server";
import { tokenSchema } from "~/domains/email/email.schema";

// Opening the link shows what will be sent and a button; the POST confirms (a mail scanner following
// links sends nothing). Letters written from a browser not signed in as the address wait for this.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Confirm your letters"), { name: "robots", content: "noindex" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  const found = token.success ? await findHeldActionByToken(context.services.db, token.data, context.services.clock()) : null;
  return found && token.success ? { token: token.data, found } : { token: null, found: null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = tokenSchema.safeParse((await request.formData()).get("token"));
  const outcome = token.success ? await confirmHeldAction({ ...context.services, token: token.data }) : { ok: false as const };
  if (outcome.ok) return redirect(outcome.path);
  return { failed: true };
}

export default function CampaignConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const { token, found } = loaderData;
  if (!token || !found || actionData?.failed) {
    return (
      <div className="page narrow">
        <h1>This link cannot be used</h1>
        <p className="lead">It has already been used or has expired (links work once, for 3 days). If you confirmed before, your letters went out then.</p>
        <p>
          <a href="/act">Write to your legislators</a>
        </p>
      </div>
    );
  }
  const { signedAs } = found;
  return (
    <div className="page narrow">
      <h1>Confirm your letters</h1>
      <p className="lead">Letters about “{found.campaignTitle}” were written with your e-mail address. Please check they are yours: they replace any letters you wrote before in this campaign.</p>
      <dl className="summary-list">
        <dt>Signed as</dt>
        <dd>
          {signedAs.name}, {signedAs.street}, {signedAs.city}, {signedAs.state} {signedAs.zip}
        </dd>
        {found.emailed.length ? (
          <>
            <dt>Sent by e-mail when you confirm, with your address to reply to</dt>
            <dd>{found.emailed.join(", ")}</dd>
          </>
        ) : null}
        {found.prepared.length ? (
          <>
            <dt>For you to send through the office's form or by phone</dt>
            <dd>{found.prepared.join(", ")}</dd>
          </>
        ) : null}
        {found.keepsUpdated ? (
          <>
            <dt>Updates</dt>
            <dd>you also join the e-mail list for news and next steps (unsubscribe at any time)</dd>
          </>
        ) : null}
      </dl>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <button type="submit">{found.emailed.length ? "Confirm and send my letters" : "Confirm my letters"}</button>
      </Form>
      <p className="hint">Not yours? Close this page: nothing is sent and nothing changes.</p>
    </div>
  );
}
