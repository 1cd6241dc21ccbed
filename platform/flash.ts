// The one-line confirmation a page shows after an action ("Application approved."): carried from
// the action's redirect to the next page in a short-lived cookie, so it works without JavaScript.
// The cookie is signed (HMAC with a key of its own), so nobody can make the console say
// something it did not; the next page reads it once and clears it.
import { deriveKey, hasValidSignature, sign } from "./secret-box";

export const flashCookieName = "amg_flash";
/** Long enough for a slow redirect, short enough that a forgotten message does not greet a later page. */
export const flashMaxAgeSeconds = 120;
export const maxFlashLength = 300;

const message = (issuedAt: number, text: string) => `flash:${issuedAt}:${text}`;

/** The cookie value for `text`: "<issued-at seconds>.<text, base64url>.<signature>". */
export function sealFlash(secretKey: Buffer, text: string, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const body = text.slice(0, maxFlashLength);
  return `${issuedAt}.${Buffer.from(body, "utf8").toString("base64url")}.${sign(deriveKey(secretKey, "flash-cookies"), message(issuedAt, body))}`;
}

/** The text of a flash cookie, or null when it is absent, expired, malformed or not signed by us. */
export function openFlash(secretKey: Buffer, value: string | null | undefined, now: Date): string | null {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{0,1000})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  if (!match) return null;
  const issuedAt = Number(match[1]);
  const age = now.getTime() / 1000 - issuedAt;
  if (age < -60 || age > flashMaxAgeSeconds) return null;
  const text = Buffer.from(match[2], "base64url").toString("utf8");
  if (!hasValidSignature(deriveKey(secretKey, "flash-cookies"), message(issuedAt, text), match[3])) return null;
  return text || null;
}
