// Confirmations after an action: the action redirects with a flash cookie (platform/flash.ts),
// the console layout's loader reads it and clears it, and shows it in its status region.
import { redirect } from "react-router";
import type { AppLoadContext } from "react-router";
import { flashCookieName, flashMaxAgeSeconds, openFlash, sealFlash } from "~/platform/flash";
import { readCookie, serializeCookie } from "./session.server";

/** A redirect to `to` that shows `text` on the next page. */
export function redirectWithFlash(to: string, text: string, context: AppLoadContext, init?: { headers?: Headers }): Response {
  const headers = new Headers(init?.headers);
  const value = sealFlash(context.services.secretKey, text, context.services.clock());
  headers.append("Set-Cookie", serializeCookie(flashCookieName, value, { maxAgeSeconds: flashMaxAgeSeconds, secure: context.secureCookies }));
  return redirect(to, { headers });
}

/** The flash this request carries (once): its text, and the headers that clear it. */
export function takeFlash({ request, context }: { request: Request; context: AppLoadContext }): { text: string | null; headers: Headers } {
  const headers = new Headers();
  const value = readCookie(request, flashCookieName);
  if (value === null && !request.headers.get("cookie")?.includes(`${flashCookieName}=`)) return { text: null, headers };
  headers.append("Set-Cookie", serializeCookie(flashCookieName, "", { maxAgeSeconds: 0, secure: context.secureCookies }));
  return { text: openFlash(context.services.secretKey, value, context.services.clock()), headers };
}
