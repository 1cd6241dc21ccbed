// What the HTTP entry refuses before React Router sees a request, so that no input can cost
// memory, stall the process or end in a 500: methods other than GET/HEAD/POST (405), NUL bytes in
// the address (400), bodies that are not forms (415), bodies over their limit (413, checked on
// Content-Length up front and counted on the stream for chunked bodies), forms that cannot be
// read (400), and bodies posted to the console or account pages without a valid session (read
// not at all). The answers are the site's error page, or JSON under /api. It does not decide who
// may do what inside a page: the routes' guards do (app/session.server.ts).
import type http from "node:http";
import { createRequest } from "@remix-run/node-fetch-server";
import { hasRole } from "~/domains/accounts/rules";
import { findViewer } from "~/domains/accounts/sessions.server";
import { maxImportBytes } from "~/domains/membership/import-members.server";
import { maxImageBytes } from "~/domains/publishing/upload-image.server";
import type { Database } from "~/db/client.server";
import { cookieValue } from "~/platform/cookies";
import { sessionCookieName } from "~/platform/request-context";
import { errorPageHtml } from "./responses";
import { pagePathOf } from "~/platform/page-cache-key";

/**
 * Every form of the site fits in this many bytes: the longest, a campaign, holds about 57,000
 * characters at its caps, and URL-encoding makes line breaks and accented letters 6 bytes each.
 */
export const defaultBodyLimit = 256 * 1024;
/** The only uploads: the member CSV import, images and suppression lists (each file's limit, plus room for the form around it). */
const uploadLimits: Record<string, number> = {
  "/admin/applications/import": maxImportBytes + 64 * 1024,
  "/admin/images": maxImageBytes + 64 * 1024,
  "/admin/newsletters/suppressions": 10 * 1024 * 1024,
  "/api/mail-events": 1024 * 1024,
};

/** The one address that takes JSON: the mail provider's bounce and complaint reports (shared secret). */
const jsonPaths = new Set(["/api/mail-events"]);

export const allowedMethods = "GET, HEAD, POST";

export type Refusal = { status: 400 | 403 | 405 | 413 | 415; message: string; headers?: Record<string, string> };

/**
 * The route path React Router will match for a raw URL path: percent-decoded, lower-case (its
 * matching ignores case), without the `.data` of its JavaScript form submissions (`/x.data`,
 * `/_root.data`) and without a trailing slash.
 */
export function routePathOf(rawPathname: string): string {
  let pathname = rawPathname;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    // A malformed escape: React Router answers it with a 404; the raw path is as good a key.
  }
  pathname = pagePathOf(pathname.toLowerCase());
  return pathname.length > 1 ? pathname.replace(/\/+$/, "") || "/" : pathname;
}

export const bodyLimitFor = (pathname: string): number => uploadLimits[routePathOf(pathname)] ?? defaultBodyLimit;

const formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];
const mediaTypeOf = (contentType: string | undefined) => (contentType ?? "").split(";")[0]!.trim().toLowerCase();
export const isFormContentType = (contentType: string | undefined): boolean => formTypes.includes(mediaTypeOf(contentType));

/** Pages that only a signed-in person can post to; /account/delete is confirmed by an e-mailed token instead. */
export function needsSession(rawPathname: string): "staff" | "person" | null {
  const pathname = routePathOf(rawPathname);
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return "staff";
  if ((pathname === "/account" || pathname.startsWith("/account/")) && pathname !== "/account/delete") return "person";
  return null;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const tooLarge = (limit: number): Refusal => ({
  status: 413,
  message:
    limit > defaultBodyLimit
      ? `This upload is larger than ${mb(limit)}. Please split the file and try again.`
      : "This form is much longer than any of our forms accepts. Please shorten what you wrote and try again.",
});

/** Checks that need nothing but the request line and headers. */
export function refuseEarly(req: Pick<http.IncomingMessage, "method" | "url" | "headers">): Refusal | null {
  const method = req.method ?? "GET";
  if (!["GET", "HEAD", "POST"].includes(method)) {
    return { status: 405, message: "This address answers only to reading a page and to sending its form.", headers: { Allow: allowedMethods } };
  }
  // No address of ours holds a NUL byte, and PostgreSQL refuses one in any text it is given.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
  if (/%00|\u0000/i.test(req.url ?? "")) return { status: 400, message: "This address contains a character we cannot read. Please check the link." };
  if (method !== "POST") return null;
  if (!isFormContentType(req.headers["content-type"]) && !(jsonPaths.has(routePathOf(pathOf(req.url))) && mediaTypeOf(req.headers["content-type"]) === "application/json")) {
    return { status: 415, message: "We accept only forms sent from our pages here. Please use the form on our site.", headers: { Accept: formTypes.join(", ") } };
  }
  const pathname = pathOf(req.url);
  const declared = req.headers["content-length"];
  const limit = bodyLimitFor(pathname);
  if (declared !== undefined && Number(declared) > limit) return tooLarge(limit);
  return null;
}

const pathOf = (url: string | undefined) => {
  const at = (url ?? "/").search(/[?#]/);
  return at === -1 ? (url ?? "/") : (url ?? "/").slice(0, at);
};

/**
 * A body posted to a console or account page without a session that may post there is not read:
 * anonymous → the sign-in page (as the routes' guards answer), a person without the staff role → 403.
 */
export async function refuseWithoutSession(req: http.IncomingMessage, db: Database, now: Date): Promise<Refusal | { redirect: string } | null> {
  if (req.method !== "POST") return null;
  const needed = needsSession(pathOf(req.url));
  if (!needed) return null;
  const token = cookieValue(req.headers.cookie, sessionCookieName);
  const viewer = token ? await findViewer(db, token, now) : null;
  if (!viewer) return { redirect: `/sign-in?next=${encodeURIComponent(req.url ?? "/")}` };
  if (needed === "staff" && !hasRole(viewer.roles, "staff")) return { status: 403, message: "This page is for AMG staff." };
  return null;
}

/** Reads a stream up to `limit` bytes; null when it is longer. */
export async function readWithin(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks) as Uint8Array<ArrayBuffer>;
}

/** Passes a stream on, erroring once more than `limit` bytes went through (a chunked upload that never ends). */
export function countedWithin(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) controller.error(new BodyTooLargeError(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/** A form that cannot be read (broken multipart), or that carries NUL bytes, which no person types. */
export async function unreadableForm(bytes: Uint8Array<ArrayBuffer>, contentType: string | undefined): Promise<Refusal | null> {
  const unreadable: Refusal = { status: 400, message: "We could not read this form. Please go back, check what you typed and send it again." };
  const values: string[] = [];
  if (mediaTypeOf(contentType) === "multipart/form-data") {
    try {
      const form = await new Response(bytes, { headers: { "content-type": contentType! } }).formData();
      for (const [name, value] of form) values.push(name, typeof value === "string" ? value : value.name);
    } catch {
      return unreadable;
    }
  } else {
    for (const [name, value] of new URLSearchParams(new TextDecoder().decode(bytes))) values.push(name, value);
  }
  return values.some((v) => v.includes("\u0000")) ? unreadable : null;
}

/**
 * The fetch Request React Router gets, its body within the path's limit: read here and checked
 * for a form (small forms), or passed on counted (uploads, which their route streams); or the
 * refusal to send instead.
 */
export async function limitedRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<Request | Refusal> {
  const request = createRequest(req, res);
  if (req.method !== "POST") return request;
  const upload = uploadLimits[routePathOf(new URL(request.url).pathname)];
  const limit = upload ?? defaultBodyLimit;
  const init = { method: request.method, headers: request.headers, signal: request.signal };
  // An upload is streamed to its route (which parses it as it arrives), counted, rather than read here first.
  if (upload !== undefined) {
    return request.body ? new Request(request.url, { ...init, body: countedWithin(request.body, limit), duplex: "half" } as RequestInit) : request;
  }
  const bytes = await readWithin(request.body, limit);
  if (!bytes) return tooLarge(limit);
  const refusal = await unreadableForm(bytes, req.headers["content-type"]);
  if (refusal) return refusal;
  return new Request(request.url, { ...init, body: bytes });
}

/**
 * Last touches on the app's answer: React Router answers 405 to a POST on a page without an
 * action but names no method it allows; and a body the route did not read (an upload refused
 * early) would hold the connection, so it closes after this answer.
 */
export function finishedResponse(req: http.IncomingMessage, response: Response): Response {
  if (response.status === 405 && !response.headers.has("allow")) response.headers.set("Allow", "GET, HEAD");
  if (req.method === "POST" && !req.readableEnded) response.headers.set("Connection", "close");
  return response;
}

/** Writes a refusal: the site's error page, or JSON under /api. The connection closes when a body was left unread. */
export function sendRefusal(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal | { redirect: string }): void {
  const unread = !req.readableEnded && (req.headers["content-length"] !== undefined ? req.headers["content-length"] !== "0" : req.headers["transfer-encoding"] !== undefined);
  const close: http.OutgoingHttpHeaders = unread ? { connection: "close" } : {};
  if ("redirect" in refusal) {
    res.writeHead(302, { location: refusal.redirect, "cache-control": "no-store", ...close });
    res.end();
    return;
  }
  const isApi = pathOf(req.url).startsWith("/api/");
  const body = isApi ? JSON.stringify({ error: refusal.message }) : errorPageHtml(refusal.status, refusal.message);
  res.writeHead(refusal.status, {
    "content-type": isApi ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "cache-control": "no-store",
    ...refusal.headers,
    ...close,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
