// Automatic e-mails: a welcome when someone confirms a newsletter subscription, and one when a
// membership is approved. Staff edit each (subject and Markdown) and can switch it off; until
// edited, the defaults below are used. Sent through the transactional outbox, in the transaction
// of the change that causes them, with the preferences link every mailing carries.
import { eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { mailAutomations } from "~/db/schema/index";
import { getSiteSettings } from "~/domains/site/queries.server";
import type { Actor } from "~/platform/audit.server";
import { recordAudit } from "~/platform/audit.server";
import type { Services } from "~/platform/services";
import { queueEmail, senderAddress } from "../queue-email.server";
import { mailLinkToken, unsubscribeLink } from "./mail-links.server";
import { personalise, renderNewsletter } from "./render.server";

export type AutomationKey = "welcome-subscriber" | "welcome-member";
export type Automation = { key: AutomationKey; enabled: boolean; subject: string; markdown: string };

export const automationLabels: Record<AutomationKey, string> = {
  "welcome-subscriber": "Welcome, when someone confirms their newsletter subscription",
  "welcome-member": "Welcome, in the e-mail that tells a member their application is approved",
};

const defaults: Record<AutomationKey, Omit<Automation, "key">> = {
  "welcome-subscriber": {
    enabled: true,
    subject: "Welcome to our newsletter",
    markdown:
      "Thank you for confirming your subscription.\n\nAbout once a month we write about residency positions, the state laws that open new paths to practice, and what you can do to help.\n\nYou can read the newsletters we have already sent in the [archive](/newsletter/archive).",
  },
  "welcome-member": {
    enabled: true,
    subject: "Welcome: your membership is approved",
    markdown: "Your membership is approved: welcome.\n\nSign in to keep your profile up to date, tell us about your match cycles, and see which campaigns need you this week.",
  },
};

export async function listAutomations(db: Executor): Promise<Automation[]> {
  const rows = await db.select().from(mailAutomations);
  return (Object.keys(defaults) as AutomationKey[]).map((key) => {
    const row = rows.find((r) => r.key === key);
    return row ? { key, enabled: row.enabled, subject: row.subject, markdown: row.markdown } : { key, ...defaults[key] };
  });
}

export async function saveAutomation({ db, actor, automation, now }: { db: Executor; actor: Actor; automation: Automation; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const fields = { enabled: automation.enabled, subject: automation.subject, markdown: automation.markdown, updatedBy: actor.email, updatedAt: now };
    await tx
      .insert(mailAutomations)
      .values({ key: automation.key, ...fields })
      .onConflictDoUpdate({ target: mailAutomations.key, set: fields });
    await recordAudit(tx, actor, { action: "newsletter.automation", subjectType: "automation", subjectId: automation.key, details: { enabled: automation.enabled, subject: automation.subject } });
  });
}

/**
 * The member's welcome: the opening of the approval e-mail itself (one e-mail, not an approval and
 * a welcome a minute apart), as staff wrote it, with links made absolute; null when switched off.
 */
export async function memberWelcome(db: Executor, appUrl: string): Promise<{ subject: string; markdown: string } | null> {
  const [row] = await db.select().from(mailAutomations).where(eq(mailAutomations.key, "welcome-member")).limit(1);
  const automation = row ?? { key: "welcome-member", ...defaults["welcome-member"] };
  if (!automation.enabled) return null;
  return { subject: automation.subject, markdown: automation.markdown.replace(/\]\(\//g, `](${appUrl}/`) };
}

/** Queues the welcome e-mail `key` to `email` in the caller's transaction, unless switched off. */
export async function queueWelcomeMail(tx: Executor, services: Pick<Services, "jobs" | "appUrl" | "mailFrom" | "secretKey" | "clock">, key: AutomationKey, email: string): Promise<boolean> {
  const [row] = await tx.select().from(mailAutomations).where(eq(mailAutomations.key, key)).limit(1);
  const automation = row ?? { key, ...defaults[key] };
  if (!automation.enabled) return false;
  const { organisation } = await getSiteSettings(tx);
  const markdown = automation.markdown.replace(/\]\(\//g, `](${services.appUrl}/`);
  const rendered = await renderNewsletter({ orgName: organisation.name, subject: automation.subject, preheader: "", markdown, archiveUrl: null });
  const link = unsubscribeLink(services.appUrl, mailLinkToken(services.secretKey, { email, newsletterId: null }, services.clock()));
  const mail = personalise(rendered, link);
  await queueEmail(tx, services.jobs, {
    template: `automation.${key}`,
    to: email,
    from: senderAddress(services.mailFrom, organisation),
    subject: automation.subject,
    ...mail,
    headers: { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
  return true;
}
