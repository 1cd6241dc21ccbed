// Staff approve a mentor (which gives the person the mentor role) or decline the offer; staff or the
// mentor pause them (no new proposals; current mentees stay). Every staff change is audited.
import { eq } from "drizzle-orm";
import { mentors, people } from "~/db/schema/index";
import { ensurePersonWithRole } from "~/domains/accounts/people.server";
import { mentorApprovedMail } from "./mails";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { type Actor, recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import type { Services } from "~/platform/services";
import { messages } from "./messages";

export type MentorDecision = "approve" | "decline" | "pause" | "resume";

export async function decideMentor(services: Services, actor: Actor, input: { mentorPublicId: string; decision: MentorDecision }): Promise<void> {
  const { db, jobs, clock, appUrl, mailFrom } = services;
  const now = clock();
  const { organisation } = await getSiteSettings(db);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ mentor: mentors, email: people.email }).from(mentors).innerJoin(people, eq(people.id, mentors.personId)).where(eq(mentors.publicId, input.mentorPublicId)).limit(1);
    if (!row) throw new AppError("NOT_FOUND", messages.mentorNotFound);
    const { mentor } = row;
    if (input.decision === "approve" && mentor.status !== "approved") {
      await tx.update(mentors).set({ status: "approved", approvedAt: now, updatedAt: now }).where(eq(mentors.id, mentor.id));
      await ensurePersonWithRole(tx, row.email, "mentor", actor);
      const mail = mentorApprovedMail({ orgName: organisation.name, name: mentor.name, areaUrl: `${appUrl}/mentoring` });
      await queueEmail(tx, jobs, { template: "mentorship.mentor-approved", to: row.email, from: senderAddress(mailFrom, organisation), ...mail });
    } else if (input.decision === "decline") {
      await tx.update(mentors).set({ status: "declined", updatedAt: now }).where(eq(mentors.id, mentor.id));
    } else if (input.decision === "pause" || input.decision === "resume") {
      await tx
        .update(mentors)
        .set({ pausedByStaff: input.decision === "pause", updatedAt: now })
        .where(eq(mentors.id, mentor.id));
    }
    await recordAudit(tx, actor, { action: `mentorship.mentor-${input.decision}`, subjectType: "mentor", subjectId: mentor.publicId, details: { name: mentor.name } });
  });
}

/** The mentor's own pause: no new proposals while paused. */
export async function setOwnPause(db: Services["db"], personId: number, paused: boolean, now: Date): Promise<void> {
  const updated = await db.update(mentors).set({ pausedBySelf: paused, updatedAt: now }).where(eq(mentors.personId, personId)).returning({ id: mentors.id });
  if (updated.length === 0) throw new AppError("NOT_FOUND", messages.mentorNotFound);
}
