// "This browser has signed in as this address before": a signed, long-lived cookie given at each
// sign-in. It lets the person ask for a new sign-in e-mail even while someone else floods their
// address with requests (docs/decisions/0013-sign-in-limits.md). It names nobody (an HMAC of the
// address and the time it was given) and grants nothing else: the e-mailed link or code is still
// needed to sign in. Pure: the key is passed in.
import { deriveKey, hasValidSignature, sign } from "~/platform/secret-box";

export const knownDeviceDays = 365;

const message = (email: string, issuedAt: number) => `${email.trim().toLowerCase()}:${issuedAt}`;

/** The cookie's value for a browser that has just signed in as `email`. */
export function knownDeviceProof(secretKey: Buffer, email: string, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${issuedAt}.${sign(deriveKey(secretKey, "known-device-cookies"), message(email, issuedAt))}`;
}

/** Whether `proof` (the cookie) was given to a browser that signed in as `email` within the last year. */
export function isKnownDevice(secretKey: Buffer, proof: string | null | undefined, email: string, now: Date): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(proof ?? "");
  if (!match) return false;
  const issuedAt = Number(match[1]);
  const ageSeconds = now.getTime() / 1000 - issuedAt;
  if (ageSeconds < -300 || ageSeconds > knownDeviceDays * 86_400) return false;
  return hasValidSignature(deriveKey(secretKey, "known-device-cookies"), message(email, issuedAt), match[2]);
}
