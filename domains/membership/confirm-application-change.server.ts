// Answers sent for an address that already had an application, from a browser that did not prove
// the address (see submit-application), wait in pending_application_changes. The e-mailed link
// (single use, hashed, 72 hours) shows them; its button applies them as the applicant's own change:
// the application goes back to review and a staff verification is cleared when an answer changed.
import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { applications, pendingApplicationChanges } from "~/db/schema/index";
import type { Services } from "~/platform/services";
import { senderAddress } from "~/domains/email/queue-email.server";
import { confirmUpdatesConsent, isUpdatesConsentAwaiting } from "~/domains/email/record-updates-consent.server";
import { hashToken } from "~/platform/tokens";
import { getSiteSettings } from "~/domains/site/queries.server";
import type { EligibilityResult } from "./eligibility";
import { findLegislatorsByZip } from "~/domains/advocacy/legislators/legislator-directory.server";
import { applicationInputSchema } from "./membership.schema";
import type { ApplicationInput } from "./membership.schema";
import { applicationSummary } from "./profile";
import { applicationValuesOf, applyOwnAnswers, eligibilityOf, notifyStaff, updatesRefs } from "./submit-application.server";

/** The held answers as validated when sent; read again through the same schema (a schema change since cannot slip through). */
function heldInput(stored: Record<string, unknown>, now: Date): ApplicationInput | null {
  const asForm = Object.fromEntries(
    Object.entries(stored).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.join(", ") : typeof v === "boolean" ? (k === "consentStatistics" ? (v ? "on" : "") : v ? "yes" : "no") : v === null ? "" : String(v),
    ]),
  );
  const parsed = applicationInputSchema(now).safeParse(asForm);
  return parsed.success ? parsed.data : null;
}

async function heldByToken(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(pendingApplicationChanges)
    .where(and(eq(pendingApplicationChanges.tokenHash, hashToken(token)), gt(pendingApplicationChanges.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** What the link's page shows before the button: the held answers in a few lines. */
export async function findHeldAnswers(db: Executor, token: string, now: Date) {
  const row = await heldByToken(db, token, now);
  const input = row ? heldInput(row.input, now) : null;
  return input ? { summary: applicationSummary(input), keepsUpdated: await isUpdatesConsentAwaiting(db, updatesRefs.change(hashToken(token))) } : null;
}

export type ApplyHeldOutcome = { ok: true; result: EligibilityResult; isMember: boolean } | { ok: false };

export async function confirmApplicationChange({ db, jobs, clock, appUrl, mailFrom, token }: Services & { token: string }): Promise<ApplyHeldOutcome> {
  const now = clock();
  const found = await heldByToken(db, token, now);
  const input = found ? heldInput(found.input, now) : null;
  if (!found || !input) return { ok: false };
  const result = eligibilityOf(input, now);
  const place = await findLegislatorsByZip(db, input.zip);
  const { organisation } = await getSiteSettings(db);
  return db.transaction(async (tx) => {
    // The link works once; the other answers held for this address are stale once one is applied.
    const used = await tx
      .delete(pendingApplicationChanges)
      .where(eq(pendingApplicationChanges.tokenHash, hashToken(token)))
      .returning({ id: pendingApplicationChanges.id });
    if (!used.length) return { ok: false } as const;
    // The link proved the address: a "Keep me updated" ticked with these answers subscribes now.
    await confirmUpdatesConsent(tx, { clock: () => now, ref: updatesRefs.change(hashToken(token)) });
    await tx.delete(pendingApplicationChanges).where(eq(pendingApplicationChanges.email, found.email));
    const [current] = await tx.select().from(applications).where(eq(applications.email, found.email)).limit(1);
    if (current?.status === "approved") return { ok: true, result, isMember: true } as const;
    if (!current) return { ok: false } as const; // the application was deleted meanwhile: nothing to change
    const values = applicationValuesOf({ ...input, email: found.email }, result, place);
    await applyOwnAnswers(tx, current, values, now);
    if (values.status === "awaiting-review") await notifyStaff(tx, jobs, { organisation, from: senderAddress(mailFrom, organisation), appUrl, name: input.name, result, isUpdate: true });
    return { ok: true, result, isMember: false } as const;
  });
}
