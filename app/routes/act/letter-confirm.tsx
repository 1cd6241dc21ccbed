import { Form, redirect } from "react-router";
import type { Route } from "./+types/letter-confirm";
import { confirmSignature, findSignatureByToken } from "../../../domains/advocacy/open-letters.server";
import { tokenSchema } from "../../../domains/email/email.schema";

// Opening the link shows a button; the POST confirms (a mail scanner following links confirms nothing).
export const meta: Route.MetaFunction = () => [{ title: "Confirm your signature — AMG" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  const found = token.success ? await findSignatureByToken(context.services.db, token.data, context.services.clock()) : null;
  return found && token.success ? { token: token.data, title: found.title } : { token: null, title: null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = tokenSchema.safeParse((await request.formData()).get("token"));
  const slug = token.success ? await confirmSignature(context.services.db, token.data, context.services.clock()) : null;
  if (slug) return redirect(`/letters/${slug}/thanks`);
  return { failed: true };
}

export default function LetterConfirm({ loaderData, actionData }: Route.ComponentProps) {
  if (!loaderData.token || actionData?.failed) {
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
      <h1>Confirm your signature</h1>
      <p className="lead">Press the button to add your signature to “{loaderData.title}”.</p>
      <Form method="post">
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit" autoFocus>
          Confirm my signature
        </button>
      </Form>
    </div>
  );
}
