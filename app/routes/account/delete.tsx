import { data, Form } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/delete";
import { serializeCookie } from "~/app/session.server";
import { confirmAccountDeletion, findDeletionRequest } from "~/domains/accounts/delete-account.server";
import { tokenSchema } from "~/domains/email/email.schema";
import { sessionCookieName } from "~/platform/request-context";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Delete my account")];

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  const found = token.success ? await findDeletionRequest(context.services.db, token.data, context.services.clock()) : null;
  return { token: found && token.success ? token.data : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = tokenSchema.safeParse((await request.formData()).get("token"));
  const deleted = token.success && (await confirmAccountDeletion({ ...context.services, token: token.data, ip: context.clientIp }));
  return data({ deleted }, deleted ? { headers: { "Set-Cookie": serializeCookie(sessionCookieName, "", { maxAgeSeconds: 0, secure: context.secureCookies }) } } : { status: 400 });
}

export default function DeleteAccount({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData?.deleted) {
    return (
      <div className="page narrow">
        <h1>Your account is deleted</h1>
        <p className="lead">Thank you for standing with AMG. You can always apply again or subscribe to our newsletter.</p>
      </div>
    );
  }
  if (!loaderData.token || actionData) {
    return (
      <div className="page narrow">
        <h1>This link cannot be used</h1>
        <p className="lead">
          It has expired or has already been used. Ask for a new one on <a href="/account">your account page</a>.
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Delete my account</h1>
      <p className="lead">This cannot be undone.</p>
      <Form method="post">
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit">Delete my account now</button>
      </Form>
    </div>
  );
}
