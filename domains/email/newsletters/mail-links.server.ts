// The links in every bulk e-mail that let a person unsubscribe or choose their lists without
// signing in: the address, the newsletter it came with and an expiry, signed with a key derived
// from the platform's SECRET_KEY. Nothing is stored; a changed key invalidates old links.
import { deriveKey, hasValidSignature, sign } from "~/platform/secret-box";

export const linkValidDays = 400;

export type MailLink = { email: string; newsletterId: number | null; expiresDay: number };

const day = (date: Date) => Math.floor(date.getTime() / 86_400_000);

// The derived key per master key (a bulk send signs one link per message: derive once, not each time).
const derived = new WeakMap<Buffer, Buffer>();
function linkKey(secretKey: Buffer): Buffer {
  const cached = derived.get(secretKey);
  if (cached) return cached;
  const key = deriveKey(secretKey, "mail-links");
  derived.set(secretKey, key);
  return key;
}

export function mailLinkToken(secretKey: Buffer, link: { email: string; newsletterId: number | null }, now: Date): string {
  const payload = Buffer.from(`${link.email}\n${link.newsletterId ?? ""}\n${day(now) + linkValidDays}`).toString("base64url");
  return `${payload}.${sign(linkKey(secretKey), payload)}`;
}

export type ReadLink = { ok: true; link: MailLink } | { ok: false; reason: "invalid" | "expired"; email?: string };

export function readMailLinkToken(secretKey: Buffer, token: string, now: Date): ReadLink {
  const [payload, signature] = token.split(".");
  if (!payload || !signature || token.length > 800 || !hasValidSignature(linkKey(secretKey), payload, signature)) return { ok: false, reason: "invalid" };
  const [email, newsletter, expires] = Buffer.from(payload, "base64url").toString("utf8").split("\n");
  const expiresDay = Number(expires);
  if (!email || !Number.isInteger(expiresDay)) return { ok: false, reason: "invalid" };
  if (expiresDay < day(now)) return { ok: false, reason: "expired", email };
  return { ok: true, link: { email, newsletterId: newsletter ? Number(newsletter) : null, expiresDay } };
}

export const unsubscribeLink = (appUrl: string, token: string) => `${appUrl}/email/unsubscribe/${token}`;
