// Staff approve a mentor (which gives the person the mentor role) or decline the offer; staff or the
// mentor pause them (no new proposals; current mentees stay); the mentor or staff change the mentor's
// details (the volunteer form's answers, less the address). Every change of details is audited.
import { eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { mentors, people } from "~/db/schema/index";
import { ensurePersonWithRole } from "~/domains/accounts/people.server";
import { mentorApprovedMail } from "./mails";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { type Actor, recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import type { Services } from "~/platform/services";
import { messages } from "./messages";
import type { MentorDetailsInput } from "./mentorship.schema";

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

type MentorRow = typeof mentors.$inferSelect;

const detailsOf = (m: MentorRow): MentorDetailsInput => ({
  name: m.name,
  specialty: m.specialty as MentorDetailsInput["specialty"],
  boardCertified: m.boardCertified,
  licenceStates: m.licenceStates,
  practiceSetting: m.practiceSetting,
  yearsInPractice: m.yearsInPractice,
  selectionCommittee: m.selectionCommittee,
  languages: m.languages,
  topics: m.topics as MentorDetailsInput["topics"],
  capacity: m.capacity,
  availability: m.availability as MentorDetailsInput["availability"],
});

/** The mentor's own details for their edit form; null when the person has not offered to mentor. */
export async function findOwnMentorDetails(db: Executor, personId: number) {
  const [mentor] = await db.select().from(mentors).where(eq(mentors.personId, personId)).limit(1);
  return mentor ? { status: mentor.status, details: detailsOf(mentor) } : null;
}

/** One mentor as staff edit them: their details, address, status and pauses; null when there is no such mentor. */
export async function findMentorForStaff(db: Executor, publicId: string) {
  const [row] = await db.select({ mentor: mentors, email: people.email }).from(mentors).innerJoin(people, eq(people.id, mentors.personId)).where(eq(mentors.publicId, publicId)).limit(1);
  if (!row) return null;
  const { mentor } = row;
  return { publicId: mentor.publicId, email: row.email, status: mentor.status, pausedByStaff: mentor.pausedByStaff, pausedBySelf: mentor.pausedBySelf, details: detailsOf(mentor) };
}

/**
 * Changes a mentor's details: the mentor their own (`personId`), or staff any (`mentorPublicId`).
 * A capacity under their current mentees ends nobody's mentorship: no one new is proposed until a place is free.
 */
export async function updateMentorDetails(db: Executor, actor: Actor, target: { personId: number } | { mentorPublicId: string }, input: MentorDetailsInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const where = "personId" in target ? eq(mentors.personId, target.personId) : eq(mentors.publicId, target.mentorPublicId);
    const [updated] = await tx
      .update(mentors)
      .set({ ...input, updatedAt: now })
      .where(where)
      .returning({ publicId: mentors.publicId });
    if (!updated) throw new AppError("NOT_FOUND", "personId" in target ? messages.notAMentor : messages.mentorNotFound);
    await recordAudit(tx, actor, { action: "mentorship.mentor-update", subjectType: "mentor", subjectId: updated.publicId, details: { by: "personId" in target ? "the mentor" : "staff" } });
  });
}
