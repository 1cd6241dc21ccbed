import { data } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/unsubscribe";
import { tokenSchema } from "~/domains/email/email.schema";
import { unsubscribe } from "~/domains/email/manage-subscription.server";

// The link in every newsletter e-mail unsubscribes in one click (GET). Mail clients use the
// RFC 8058 one-click POST (List-Unsubscribe-Post), answered by the action.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Unsubscribe")];

async function unsubscribeByUrl(request: Request, context: Route.LoaderArgs["context"]) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  if (!token.success) return { found: false };
  return unsubscribe({ ...context.services, token: token.data });
}

// GET and POST do the same (it is idempotent); an unknown token answers 404.
async function unsubscribeAndAnswer({ request, context }: Route.LoaderArgs | Route.ActionArgs) {
  const outcome = await unsubscribeByUrl(request, context);
  return data({ found: outcome.found, email: outcome.email ?? null }, { status: outcome.found ? 200 : 404 });
}

export const loader = unsubscribeAndAnswer;
export const action = unsubscribeAndAnswer;

export default function Unsubscribe({ loaderData }: Route.ComponentProps) {
  if (!loaderData.found) {
    return (
      <div className="page narrow">
        <h1>We could not find that subscription</h1>
        <p className="lead">The unsubscribe link looks incomplete. Please open the link from the e-mail again, or write to us from the contact page.</p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>You are unsubscribed</h1>
      <p className="lead">
        <strong>{loaderData.email}</strong> will receive no more newsletters from AMG.
      </p>
      <p>
        Unsubscribed by mistake? <a href="/newsletter">Subscribe again</a>.
      </p>
    </div>
  );
}
