// What a signed link in a bulk e-mail lets its holder do without signing in: unsubscribe at once
// (RFC 8058 one-click POST, or the page's button), read and change their preferences.
import { eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { newsletters } from "~/db/schema/index";
import { readMailLinkToken } from "./mail-links.server";
import type { MailLink } from "./mail-links.server";
import { getPreferences, savePreferences, unsubscribeOneClick } from "./suppressions.server";
import type { Preferences } from "./suppressions.server";

export type LinkHolder = { ok: true; link: MailLink; topic: "newsletter" | "campaign-alerts" | "member-updates" } | { ok: false; reason: "invalid" | "expired" };

export async function openMailLink(db: Executor, secretKey: Buffer, token: string, now: Date): Promise<LinkHolder> {
  const read = readMailLinkToken(secretKey, token, now);
  if (!read.ok) return { ok: false, reason: read.reason };
  let topic: "newsletter" | "campaign-alerts" | "member-updates" = "newsletter";
  if (read.link.newsletterId) {
    const [row] = await db.select({ topic: newsletters.topic }).from(newsletters).where(eq(newsletters.id, read.link.newsletterId)).limit(1);
    topic = row?.topic ?? "newsletter";
  }
  return { ok: true, link: read.link, topic };
}

export async function unsubscribeByLink(db: Executor, holder: Extract<LinkHolder, { ok: true }>, source: string, now: Date): Promise<void> {
  await unsubscribeOneClick(db, { email: holder.link.email, topic: holder.topic, newsletterId: holder.link.newsletterId, now, source });
}

export async function preferencesByLink(db: Executor, holder: Extract<LinkHolder, { ok: true }>) {
  return getPreferences(db, holder.link.email);
}

export async function savePreferencesByLink(db: Executor, holder: Extract<LinkHolder, { ok: true }>, preferences: Preferences, now: Date): Promise<void> {
  await savePreferences(db, { email: holder.link.email, preferences, newsletterId: holder.link.newsletterId, source: "preferences link", now });
}
