// A mentorship after the introduction: the mentor accepts or declines (declined or unanswered in
// time: the mentee goes back in line with their place), the pair's shared page (goals, rhythm, next
// steps), the meeting log (notes private to their author unless shared), ending with a reason, the
// mentee's rematch request, feedback. Only the two people of a mentorship reach it.
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { menteeRequests, mentors, mentorshipFeedback, mentorshipMeetings, mentorships, people } from "~/db/schema/index";
import { mentorAnsweredMail, mentorshipEndedMail } from "./mails";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { AppError } from "~/platform/errors";
import type { Services } from "~/platform/services";
import { messages } from "./messages";
import type { MeetingInput } from "./mentorship.schema";

export type Side = "mentor" | "mentee";
type MentorshipRow = typeof mentorships.$inferSelect;

/** The mentorship and which side the person is on; NOT_FOUND for anyone else (staff included: notes are private). */
export async function mentorshipForPerson(db: Executor, personId: number, publicId: string): Promise<{ m: MentorshipRow; side: Side; mentor: typeof mentors.$inferSelect }> {
  const [row] = await db.select({ m: mentorships, mentor: mentors }).from(mentorships).innerJoin(mentors, eq(mentors.id, mentorships.mentorId)).where(eq(mentorships.publicId, publicId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", messages.mentorshipNotFound);
  if (row.mentor.personId === personId) return { m: row.m, side: "mentor", mentor: row.mentor };
  if (row.m.menteePersonId === personId) return { m: row.m, side: "mentee", mentor: row.mentor };
  throw new AppError("NOT_FOUND", messages.mentorshipNotFound);
}

/** Everything the shared page shows to this person: the other side's private notes never. */
export async function mentorshipPage(db: Executor, personId: number, publicId: string) {
  const { m, side, mentor } = await mentorshipForPerson(db, personId, publicId);
  const [request] = await db.select().from(menteeRequests).where(eq(menteeRequests.id, m.requestId)).limit(1);
  const meetings = await db
    .select()
    .from(mentorshipMeetings)
    .where(and(eq(mentorshipMeetings.mentorshipId, m.id), or(eq(mentorshipMeetings.shared, true), eq(mentorshipMeetings.authorPersonId, personId))))
    .orderBy(desc(mentorshipMeetings.heldOn), desc(mentorshipMeetings.id));
  const feedback = await db
    .select({ stage: mentorshipFeedback.stage })
    .from(mentorshipFeedback)
    .where(and(eq(mentorshipFeedback.mentorshipId, m.id), eq(mentorshipFeedback.side, side)));
  return {
    side,
    mentorship: {
      publicId: m.publicId,
      status: m.status,
      respondBy: m.respondBy.toISOString(),
      goals: m.goals,
      rhythm: m.rhythm,
      nextSteps: m.nextSteps,
      reasons: m.reasons,
      acceptedAt: m.acceptedAt?.toISOString() ?? null,
      endedBy: m.endedBy,
      endReason: m.endReason,
      declineReason: side === "mentor" ? m.declineReason : null,
      feedbackAsked: { "three-months": !!m.feedbackAskedAt, end: !!m.endFeedbackAskedAt },
    },
    mentor: { name: mentor.name, specialty: mentor.specialty },
    mentee: { name: request?.name ?? "" },
    meetings: meetings.map((x) => ({
      id: x.id,
      heldOn: x.heldOn,
      minutes: x.minutes,
      topics: x.topics,
      notes: x.notes,
      shared: x.shared,
      isMine: x.authorPersonId === personId,
    })),
    feedbackGiven: feedback.map((f) => f.stage),
  };
}

async function notifyMentee(tx: Executor, services: Services, m: MentorshipRow, mentorName: string, accepted: boolean) {
  const { organisation } = await getSiteSettings(tx);
  const [mentee] = await tx.select({ email: people.email }).from(people).where(eq(people.id, m.menteePersonId)).limit(1);
  const [request] = await tx.select({ name: menteeRequests.name }).from(menteeRequests).where(eq(menteeRequests.id, m.requestId)).limit(1);
  const mail = mentorAnsweredMail({
    orgName: organisation.name,
    menteeName: request?.name ?? "",
    mentorName,
    accepted,
    pageUrl: accepted ? `${services.appUrl}/mentorships/${m.publicId}` : `${services.appUrl}/account/mentor`,
  });
  await queueEmail(tx, services.jobs, { template: accepted ? "mentorship.accepted" : "mentorship.not-accepted", to: mentee.email, from: senderAddress(services.mailFrom, organisation), ...mail });
}

/** The mentee goes back in line with the place they had (waitingSince unchanged). */
async function backInLine(tx: Executor, m: MentorshipRow, now: Date) {
  await tx.update(menteeRequests).set({ status: "waiting", updatedAt: now }).where(eq(menteeRequests.id, m.requestId));
}

export async function answerIntroduction(services: Services, personId: number, input: { publicId: string; accept: boolean; reason: string }): Promise<void> {
  const now = services.clock();
  await services.db.transaction(async (tx) => {
    const { m, side, mentor } = await mentorshipForPerson(tx, personId, input.publicId);
    if (side !== "mentor") throw new AppError("FORBIDDEN", messages.notYourMentorship);
    if (m.status !== "introduced" || m.respondBy <= now) throw new AppError("CONFLICT", messages.notOpenForAnswer);
    if (input.accept) {
      await tx.update(mentorships).set({ status: "active", acceptedAt: now }).where(eq(mentorships.id, m.id));
      await tx.update(menteeRequests).set({ status: "matched", updatedAt: now }).where(eq(menteeRequests.id, m.requestId));
    } else {
      await tx.update(mentorships).set({ status: "declined", declineReason: input.reason }).where(eq(mentorships.id, m.id));
      await backInLine(tx, m, now);
    }
    await notifyMentee(tx, services, m, mentor.name, input.accept);
  });
}

/** Sweep: introductions not answered in time expire; the mentee goes back in line. Idempotent. */
export async function expireIntroductions(services: Services): Promise<number> {
  const now = services.clock();
  const due = await services.db
    .select({ m: mentorships, mentorName: mentors.name })
    .from(mentorships)
    .innerJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .where(eq(mentorships.status, "introduced"));
  let expired = 0;
  for (const { m, mentorName } of due) {
    if (m.respondBy > now) continue;
    await services.db.transaction(async (tx) => {
      const updated = await tx
        .update(mentorships)
        .set({ status: "expired" })
        .where(and(eq(mentorships.id, m.id), eq(mentorships.status, "introduced")))
        .returning({ id: mentorships.id });
      if (updated.length === 0) return;
      await backInLine(tx, m, now);
      await notifyMentee(tx, services, m, mentorName, false);
      expired++;
    });
  }
  return expired;
}

function requireActive(m: MentorshipRow) {
  if (m.status !== "active") throw new AppError("CONFLICT", messages.notActive);
}

export async function updatePairPage(db: Executor, personId: number, publicId: string, input: { goals: string; rhythm: string; nextSteps: string }): Promise<void> {
  const { m } = await mentorshipForPerson(db, personId, publicId);
  requireActive(m);
  await db.update(mentorships).set(input).where(eq(mentorships.id, m.id));
}

export async function logMeeting(db: Executor, personId: number, publicId: string, input: MeetingInput): Promise<void> {
  const { m } = await mentorshipForPerson(db, personId, publicId);
  requireActive(m);
  await db.transaction(async (tx) => {
    await tx.insert(mentorshipMeetings).values({ mentorshipId: m.id, authorPersonId: personId, ...input });
    if (!m.lastMeetingOn || input.heldOn > m.lastMeetingOn) await tx.update(mentorships).set({ lastMeetingOn: input.heldOn }).where(eq(mentorships.id, m.id));
  });
}

/** Either side ends with a reason; the other is told. A rematch puts the mentee back in line with their place. */
export async function endMentorship(services: Services, personId: number, input: { publicId: string; reason: string; rematch: boolean }): Promise<void> {
  const now = services.clock();
  await services.db.transaction(async (tx) => {
    const { m, side, mentor } = await mentorshipForPerson(tx, personId, input.publicId);
    requireActive(m);
    if (input.rematch && side !== "mentee") throw new AppError("FORBIDDEN", messages.notYourMentorship);
    await tx.update(mentorships).set({ status: "ended", endedAt: now, endedBy: side, endReason: input.reason, rematchRequested: input.rematch }).where(eq(mentorships.id, m.id));
    if (input.rematch) {
      const [request] = await tx.select().from(menteeRequests).where(eq(menteeRequests.id, m.requestId)).limit(1);
      await tx
        .update(menteeRequests)
        .set({ status: "waiting", avoidMentorIds: Array.from(new Set([...(request?.avoidMentorIds ?? []), mentor.id])), updatedAt: now })
        .where(eq(menteeRequests.id, m.requestId));
    }
    const [request] = await tx.select({ name: menteeRequests.name }).from(menteeRequests).where(eq(menteeRequests.id, m.requestId)).limit(1);
    const otherPersonId = side === "mentor" ? m.menteePersonId : mentor.personId;
    const [other] = await tx.select({ email: people.email }).from(people).where(eq(people.id, otherPersonId)).limit(1);
    const { organisation } = await getSiteSettings(tx);
    const mail = mentorshipEndedMail({
      orgName: organisation.name,
      name: side === "mentor" ? (request?.name ?? "") : mentor.name,
      otherName: side === "mentor" ? mentor.name : (request?.name ?? ""),
      reason: input.reason,
      pageUrl: `${services.appUrl}/mentorships/${m.publicId}`,
    });
    await queueEmail(tx, services.jobs, { template: "mentorship.ended", to: other.email, from: senderAddress(services.mailFrom, organisation), ...mail });
  });
}

export async function giveFeedback(db: Executor, personId: number, publicId: string, input: { stage: "three-months" | "end"; rating: number; comment: string }, now: Date): Promise<void> {
  const { m, side } = await mentorshipForPerson(db, personId, publicId);
  if (m.status !== "active" && m.status !== "ended") throw new AppError("CONFLICT", messages.notActive);
  const inserted = await db
    .insert(mentorshipFeedback)
    .values({ mentorshipId: m.id, side, ...input, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: mentorshipFeedback.id });
  if (inserted.length === 0) throw new AppError("CONFLICT", messages.feedbackTwice);
}

/** The mentor's area: their record, introductions to answer, current and past mentees. */
export async function mentorArea(db: Executor, personId: number) {
  const [mentor] = await db.select().from(mentors).where(eq(mentors.personId, personId)).limit(1);
  if (!mentor) return null;
  const rows = await db
    .select({ m: mentorships, menteeName: menteeRequests.name })
    .from(mentorships)
    .innerJoin(menteeRequests, eq(menteeRequests.id, mentorships.requestId))
    .where(eq(mentorships.mentorId, mentor.id))
    .orderBy(asc(mentorships.createdAt));
  const list = rows.map((r) => ({ publicId: r.m.publicId, status: r.m.status, menteeName: r.menteeName, respondBy: r.m.respondBy.toISOString(), reasons: r.m.reasons }));
  return {
    mentor: {
      name: mentor.name,
      specialty: mentor.specialty,
      status: mentor.status,
      capacity: mentor.capacity,
      pausedByStaff: mentor.pausedByStaff,
      pausedBySelf: mentor.pausedBySelf,
    },
    mentorships: list,
  };
}

/** The mentee's own mentorships (for /account/mentor). */
export async function menteeMentorships(db: Executor, personId: number) {
  const rows = await db
    .select({ m: mentorships, mentorName: mentors.name, specialty: mentors.specialty })
    .from(mentorships)
    .innerJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .where(and(eq(mentorships.menteePersonId, personId), inArray(mentorships.status, ["introduced", "active", "ended"])))
    .orderBy(desc(mentorships.createdAt));
  return rows.map((r) => ({ publicId: r.m.publicId, status: r.m.status, mentorName: r.mentorName, specialty: r.specialty }));
}
