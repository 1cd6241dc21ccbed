// The time stamp public forms carry (their hidden `rendered` field) for the "filled in too fast"
// bot check, signed so a client cannot choose it: `<milliseconds>.<HMAC-SHA256 of it, base64url>`.
// Pure given the key (the key itself is kept in the database: domains/site/form-stamp-key.server.ts).
// It does not decide what a bot-like submission gets: the routes answer it like a success and keep nothing.
import { hasValidSignature, sign } from "./secret-box";

/** A person needs longer than this to fill in a form; a script posting at once does not. */
export const minimumFillMs = 2000;

const signed = (renderedAt: string) => `amg-form-stamp:${renderedAt}`;

export function signFormStamp(key: Buffer, renderedAt: number): string {
  const time = String(Math.trunc(renderedAt));
  return `${time}.${sign(key, signed(time))}`;
}

/**
 * "fine" for a stamp this server signed at least two seconds ago (however long ago: a page may stay
 * open for hours, or come from the page cache); "too-fast" for one signed less than two seconds ago
 * (or in the future); "forged" for a stamp that is missing, unparsable, or not signed with this key.
 */
export function checkFormStamp(stamp: string | undefined, key: Buffer, now: number): "fine" | "too-fast" | "forged" {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(stamp ?? "");
  if (!match) return "forged";
  if (!hasValidSignature(key, signed(match[1]), match[2])) return "forged";
  return now - Number(match[1]) < minimumFillMs ? "too-fast" : "fine";
}
