// Who is asking: the session cookie → the viewer, and the guards every protected loader and
// action starts with. Authorisation lives here and only here.
import { data, redirect } from "react-router";
import type { AppLoadContext } from "react-router";
import type { Role } from "~/domains/accounts/accounts.schema";
import { messages } from "~/domains/accounts/messages";
import { hasRole } from "~/domains/accounts/rules";
import { findViewer } from "~/domains/accounts/sessions.server";
import type { Viewer } from "~/domains/accounts/sessions.server";
import type { Actor } from "~/platform/audit.server";
import { knownDeviceDays } from "~/domains/accounts/known-device";
import { knownDeviceCookieName, sessionCookieName, signInCookieName } from "~/platform/request-context";
import { cookieValue } from "~/platform/cookies";
import { siteSettingsFor } from "./site-settings.server";
import type { RequestContext } from "~/platform/request-context";

type Args = { request: Request; context: AppLoadContext };

export function readCookie(request: Request, name: string): string | null {
  return cookieValue(request.headers.get("cookie"), name);
}

export function serializeCookie(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  return [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, options.secure ? "Secure" : null]
    .filter(Boolean)
    .join("; ");
}

const viewers = new WeakMap<AppLoadContext, Promise<Viewer | null>>();

/** The signed-in person, or null; looked up once per request. */
export function getViewer({ request, context }: Args): Promise<Viewer | null> {
  let found = viewers.get(context);
  if (!found) {
    const token = readCookie(request, sessionCookieName);
    found = token ? findViewer(context.services.db, token, context.services.clock()) : Promise.resolve(null);
    viewers.set(context, found);
  }
  return found;
}

// Any origin works as the base: only values that stay on it are kept. A reserved name (RFC 2606)
// so that no absolute URL someone types can ever match it.
const nextBase = new URL("https://this-site.invalid/");
/** Longer values are refused: proxies answer an error for very long Location headers. */
const maxNextLength = 2000;

/**
 * A path on this site to come back to after signing in (never another site). `next` is resolved
 * as a browser would resolve it (tabs and newlines dropped, backslashes read as slashes, dot
 * segments removed) against this site's origin; only a same-origin result is kept, and it is
 * returned as its pathname, query and fragment, percent-encoded, so a Location header can carry it.
 */
export function safeNextPath(value: string | null | undefined, fallback = "/account"): string {
  // A path, not a URL of its own: "https:evil.example" would be another site on an http origin.
  if (!value?.startsWith("/") || value.length > maxNextLength) return fallback;
  let url: URL;
  try {
    url = new URL(value, nextBase);
  } catch {
    return fallback;
  }
  if (url.origin !== nextBase.origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

const here = (request: Request) => {
  const url = new URL(request.url);
  return encodeURIComponent(url.pathname + url.search);
};

export async function requireViewer(args: Args): Promise<Viewer> {
  const viewer = await getViewer(args);
  if (!viewer) throw redirect(`/sign-in?next=${here(args.request)}`);
  if (viewer.secondFactorPending) throw redirect(`/sign-in/two-factor?next=${here(args.request)}`);
  return viewer;
}

/**
 * The one authorisation check: anonymous → sign-in page; signed in without the role → 403.
 * For POSTs it also checks the session's CSRF token (field `csrf`).
 */
export async function requireRole(args: Args, role: Role, formData?: FormData): Promise<Viewer> {
  const viewer = await requireViewer(args);
  if (!hasRole(viewer.roles, role)) throw data({ message: "This page is for AMG staff." }, { status: 403 });
  if (!viewer.hasSecondFactor && (await siteSettingsFor(args.context)).security.requireSecondFactorForStaff) {
    throw redirect(`/account/two-factor?required=1&next=${here(args.request)}`);
  }
  if (args.request.method !== "GET" && args.request.method !== "HEAD") verifyCsrf(viewer, formData);
  return viewer;
}

export const requireStaff = (args: Args, formData?: FormData) => requireRole(args, "staff", formData);

export function verifyCsrf(viewer: Viewer, formData: FormData | undefined): void {
  if (!formData || formData.get("csrf") !== viewer.csrfToken) throw data({ message: messages.csrfFailed }, { status: 403 });
}

export function actorOf(viewer: Viewer, context: AppLoadContext): Actor {
  return { personId: viewer.personId, email: viewer.email, ip: context.clientIp, requestId: context.requestId };
}

/** Signs the browser in: the new session's cookie, the sign-in nonce cleared, and the browser remembered as known to this person. */
export function signedInRedirect(outcome: { sessionToken: string; expiresAt: Date; secondFactorDue?: boolean; knownDevice: string }, next: string, context: RequestContext) {
  const headers = new Headers();
  const maxAgeSeconds = (outcome.expiresAt.getTime() - context.services.clock().getTime()) / 1000;
  headers.append("Set-Cookie", serializeCookie(sessionCookieName, outcome.sessionToken, { maxAgeSeconds, secure: context.secureCookies }));
  headers.append("Set-Cookie", serializeCookie(signInCookieName, "", { maxAgeSeconds: 0, secure: context.secureCookies }));
  headers.append("Set-Cookie", serializeCookie(knownDeviceCookieName, outcome.knownDevice, { maxAgeSeconds: knownDeviceDays * 86_400, secure: context.secureCookies }));
  const target = "secondFactorDue" in outcome && outcome.secondFactorDue ? `/sign-in/two-factor?next=${encodeURIComponent(next)}` : next;
  return redirect(target, { headers });
}
