import { Form, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/newsletter-confirm";
import { tokenSchema } from "~/domains/email/email.schema";
import { confirmSubscription, isConfirmTokenUsable } from "~/domains/email/manage-subscription.server";
import { messages } from "~/domains/email/messages";

// Opening the link shows a button; the POST confirms. So a mail scanner that follows links
// cannot confirm a subscription on the owner's behalf.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Confirm your subscription")];

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  const usable = token.success && (await isConfirmTokenUsable({ ...context.services, token: token.data }));
  return { token: usable ? token.data : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = tokenSchema.safeParse((await request.formData()).get("token"));
  if (token.success && (await confirmSubscription({ ...context.services, token: token.data })) === "confirmed") {
    return redirect("/newsletter/confirmed");
  }
  return { failed: true };
}

export default function ConfirmSubscription({ loaderData, actionData }: Route.ComponentProps) {
  if (!loaderData.token || actionData?.failed) {
    return (
      <div className="page narrow">
        <h1>This link cannot be used</h1>
        <p className="lead">{messages.linkInvalid}</p>
        <p>
          If you have already confirmed, you are subscribed and there is nothing more to do. Otherwise, <a href="/newsletter">subscribe again</a> and we will send you a new link.
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Confirm your subscription</h1>
      <p className="lead">One more step: press the button to start receiving AMG's newsletter.</p>
      <Form method="post">
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit">Confirm my subscription</button>
      </Form>
    </div>
  );
}
