import { Form, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/letter-confirm";
import { confirmSignature, findSignatureByToken } from "~/domains/advocacy/open-letters/open-letters.server";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { tokenSchema } from "~/domains/email/email.schema";

// Opening the link shows a button; the POST confirms (a mail scanner following links confirms nothing).
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Confirm your signature")];

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  const found = token.success ? await findSignatureByToken(context.services.db, token.data, context.services.clock()) : null;
  return found && token.success
    ? { token: token.data, title: found.title, isChange: found.isChange, details: found.details, keepsUpdated: found.keepsUpdated }
    : { token: null, title: null, isChange: false, details: null, keepsUpdated: false };
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = tokenSchema.safeParse((await request.formData()).get("token"));
  const slug = token.success ? await confirmSignature(context.services.db, token.data, context.services.clock()) : null;
  if (slug) return redirect(`/letters/${slug}/thanks`);
  return { failed: true };
}

export default function LetterConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const { details } = loaderData;
  if (!loaderData.token || !details || actionData?.failed) {
    return (
      <div className="page narrow">
        <h1>This link cannot be used</h1>
        <p className="lead">It has already been used or has expired (links work once, for 72 hours). If you confirmed before, your signature counts.</p>
        <p>
          <a href="/letters">See the open letters</a>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{loaderData.isChange ? "Confirm the change to your signature" : "Confirm your signature"}</h1>
      <p className="lead">
        {loaderData.isChange ? `Your signature of “${loaderData.title}” counts already. Press the button to change it to:` : `Press the button to add your signature to “${loaderData.title}”:`}
      </p>
      <dl className="summary-list">
        <dt>Name</dt>
        <dd>{details.name}</dd>
        <dt>Place</dt>
        <dd>
          {details.city ? `${details.city}, ` : ""}
          {details.state ? `${stateNames[details.state] ?? details.state} ` : ""}
          {details.zip}
        </dd>
        <dt>With the signatures</dt>
        <dd>{details.showName ? "your first name and state are shown, and your name goes with the delivered letter" : "your name is not shown"}</dd>
        {loaderData.keepsUpdated ? (
          <>
            <dt>Updates</dt>
            <dd>you also join the e-mail list for news and next steps (unsubscribe at any time)</dd>
          </>
        ) : null}
      </dl>
      <Form method="post">
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit">{loaderData.isChange ? "Confirm the change" : "Confirm my signature"}</button>
      </Form>
      <p className="hint">{loaderData.isChange ? "Not you? Close this page: your signature stays as it was." : "Not you? Close this page: nothing is signed and nothing is counted."}</p>
    </div>
  );
}
