import { redirect } from "react-router";
import type { Route } from "./+types/sign-out";
import { getViewer, readCookie, serializeCookie, verifyCsrf } from "~/app/session.server";
import { endSessionByToken } from "~/domains/accounts/sessions.server";
import { sessionCookieName } from "~/platform/request-context";

export function loader() {
  return redirect("/account");
}

export async function action(args: Route.ActionArgs) {
  const { request, context } = args;
  const formData = await request.formData();
  const viewer = await getViewer(args);
  const token = readCookie(request, sessionCookieName);
  if (viewer && token) {
    verifyCsrf(viewer, formData);
    await endSessionByToken(context.services.db, token, context.services.clock());
  }
  return redirect("/", { headers: { "Set-Cookie": serializeCookie(sessionCookieName, "", { maxAgeSeconds: 0, secure: context.secureCookies }) } });
}
