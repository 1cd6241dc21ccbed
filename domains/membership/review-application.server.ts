// Staff review of applications: the queue, reading one (audited), and the decision: approve
// (the applicant's account becomes a member's), reject with a reason (the account stays: the
// applicant may correct the answers and apply again, or delete it), or ask for more information
// (the applicant gets a link to update the application, and sees the question on their account
// page). Every step is audited and the applicant is e-mailed, with staff's note.
import { count, eq } from "drizzle-orm";
import { z } from "zod";
import { multiLineText } from "~/platform/text-fields";
import type { Executor } from "~/db/client.server";
import { applications } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import type { Services } from "~/platform/services";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { ensureApplicantAccount, ensurePersonWithRole } from "~/domains/accounts/people.server";
import { memberWelcome } from "~/domains/email/newsletters/automations.server";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { applicationDecisionMail } from "~/domains/email/templates";
import type { MemberNextStep } from "~/domains/email/templates";
import { hashToken, newToken } from "~/platform/tokens";
import { getSiteSettings } from "~/domains/site/queries.server";
import { messages } from "./messages";

export const reviewInputSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("approve"), note: multiLineText(2000).default("") }),
  z.object({ outcome: z.literal("reject"), note: multiLineText(2000).min(5, messages.reviewRejectNote) }),
  z.object({ outcome: z.literal("more-info"), note: multiLineText(2000).min(5, messages.reviewMoreInfoNote) }),
]);
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/**
 * What a new member does next, as the welcome e-mail lists it. Mentorship has no pages yet: the
 * welcome is sent with the organisation's address as Reply-To, so a reply reaches a volunteer.
 */
export function memberNextSteps(appUrl: string): MemberNextStep[] {
  return [
    { text: "Sign in with this e-mail address (no password: we e-mail you a link each time)", url: `${appUrl}/sign-in` },
    { text: "Complete your profile: the states where you would work, your specialties and your exam dates", url: `${appUrl}/account/profile` },
    { text: "Log your match cycles: the years you applied, what it cost and how it ended", url: `${appUrl}/account/cycles` },
    { text: "Write to your legislators about the residency shortage, in two minutes", url: `${appUrl}/act` },
    { text: "Looking for a mentor? Reply to this e-mail with your specialty and state: a volunteer doctor answers", url: null },
  ];
}

export async function countAwaitingReview(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(applications).where(eq(applications.status, "awaiting-review"));
  return row.n;
}

export async function readApplication(db: Executor, actor: Actor, publicId: string) {
  const [row] = await db.select().from(applications).where(eq(applications.publicId, publicId)).limit(1);
  if (!row) return null;
  await recordAudit(db, actor, { action: "application.view", subjectType: "application", subjectId: publicId, details: { email: row.email } });
  const { updateTokenHash: _token, ...application } = row;
  return application;
}

export async function reviewApplication({ db, jobs, clock, appUrl, mailFrom, actor, publicId, input }: Services & { actor: Actor; publicId: string; input: ReviewInput }): Promise<void> {
  const now = clock();
  const { organisation } = await getSiteSettings(db);
  await db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.publicId, publicId)).limit(1);
    if (!app) throw new AppError("NOT_FOUND", messages.noSuchApplication);
    if (app.status === "approved") throw new AppError("CONFLICT", messages.applicationAlreadyApproved);
    const token = input.outcome === "more-info" ? newToken() : null;
    const status = input.outcome === "approve" ? "approved" : input.outcome === "reject" ? "rejected" : "more-info-requested";
    await tx
      .update(applications)
      .set({ status, reviewNote: input.note || null, reviewedBy: actor.email, reviewedAt: now, updateTokenHash: token ? hashToken(token) : null, updatedAt: now })
      .where(eq(applications.id, app.id));
    if (input.outcome === "approve") {
      // The applicant's account (made when they applied; made now for an imported person) becomes a member's.
      await ensureApplicantAccount(tx, app.email, app.name);
      await ensurePersonWithRole(tx, app.email, "member", actor);
    }
    const link = input.outcome === "approve" ? `${appUrl}/sign-in` : input.outcome === "reject" ? `${appUrl}/account` : `${appUrl}/join/apply?update=${token}`;
    const mail = applicationDecisionMail({
      orgName: organisation.name,
      name: app.name,
      outcome: input.outcome === "approve" ? "approved" : input.outcome === "reject" ? "rejected" : "more-info",
      note: input.note,
      link,
      nextSteps: input.outcome === "approve" ? memberNextSteps(appUrl) : undefined,
      welcome: input.outcome === "approve" ? await memberWelcome(tx, appUrl) : null,
    });
    await queueEmail(tx, jobs, { template: `membership.${input.outcome}`, to: app.email, from: senderAddress(mailFrom, organisation), replyTo: organisation.email, ...mail });
    await recordAudit(tx, actor, { action: `application.${input.outcome}`, subjectType: "application", subjectId: publicId, details: { email: app.email, note: input.note } });
  });
}

/** Marks (or unmarks) an applicant's documents as checked by staff. */
export async function setVerified(db: Executor, actor: Actor, publicId: string, verified: boolean, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(applications)
      .set({ verifiedAt: verified ? now : null, verifiedBy: verified ? actor.email : null, updatedAt: now })
      .where(eq(applications.publicId, publicId))
      .returning({ id: applications.id });
    if (!rows.length) throw new AppError("NOT_FOUND", messages.noSuchApplication);
    await recordAudit(tx, actor, { action: verified ? "application.verify" : "application.unverify", subjectType: "application", subjectId: publicId });
  });
}
