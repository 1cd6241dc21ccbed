// The signed link to a writer's letters page (/act/<campaign>/sent/<id>?key=…): given only to a
// browser that proved the address (signed in as it, or opened the e-mailed link) and in the mails
// to that address. With it, no sign-in is needed to see the letters, the address they are signed
// with, or to mark a prepared letter as sent. Without it (or the writer's session) the page shows
// nothing personal (docs/decisions/0012, 0017). Pure: the platform's key is passed in.
import { deriveKey, hasValidSignature, sign } from "~/platform/secret-box";

const message = (publicId: string) => `campaign-action:${publicId}`;

/** The key of an action's page. */
export const letterPageKey = (secretKey: Buffer, publicId: string) => sign(deriveKey(secretKey, "letter-pages"), message(publicId));

/** Whether `key` opens this action's page. */
export function isLetterPageKey(secretKey: Buffer, publicId: string, key: string | null | undefined): boolean {
  if (!key || !/^[A-Za-z0-9_-]{43}$/.test(key)) return false;
  return hasValidSignature(deriveKey(secretKey, "letter-pages"), message(publicId), key);
}

/** The page's path with its key; `letterId` jumps to one letter's card (its "I sent it" buttons). */
export const sentPagePath = (secretKey: Buffer, slug: string, publicId: string, letterId?: number) =>
  `/act/${slug}/sent/${publicId}?key=${letterPageKey(secretKey, publicId)}${letterId ? `#letter-${letterId}` : ""}`;

/** Whether this browser proved the writer's address: signed in as it, or holding the page's signed link. */
export const canSeeLetters = (secretKey: Buffer, action: { publicId: string; email: string }, proof: { viewerEmail: string | null; key: string | null }) =>
  (proof.viewerEmail !== null && proof.viewerEmail === action.email) || isLetterPageKey(secretKey, action.publicId, proof.key);
