// What the HTTP entry hands every loader and action (React Router's load context).
import type { Services } from "./services";

export const sessionCookieName = "amg_session";
/** Nonce of the browser that asked for a sign-in link (binds the link to that browser). */
export const signInCookieName = "amg_signin";
/** Signed proof that this browser has signed in as an address before (domains/accounts/known-device.ts). */
export const knownDeviceCookieName = "amg_device";

export type CacheHints = {
  /** Set by a public route's loader: the response may be served to every anonymous visitor. */
  isPublic: boolean;
  /** The page shows something that changes at this instant (e.g. "Open now"): cache no longer. */
  expiresAt?: Date;
};

export type RequestContext = {
  services: Services;
  clientIp: string | null;
  requestId: string;
  /** CSP nonce for the inline scripts of this response. */
  nonce: string;
  /** Cookies get the Secure flag (the public URL is https). */
  secureCookies: boolean;
  cache: CacheHints;
};

declare module "react-router" {
  interface AppLoadContext extends RequestContext {}
}

/** Lets this response be cached and served to every anonymous visitor. */
export function markPublic(context: RequestContext): void {
  context.cache.isPublic = true;
}

/** The response shows something that changes at `until`: no cached copy may outlive it. */
export function cacheNoLongerThan(context: RequestContext, until: Date): void {
  if (!context.cache.expiresAt || until < context.cache.expiresAt) context.cache.expiresAt = until;
}
