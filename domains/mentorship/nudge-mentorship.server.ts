// The nudge of a stalled mentorship (no meeting logged for six weeks): one e-mail to each side
// asking them to log their meetings or say what is in the way. The hourly sweep sends it once every
// six weeks; staff send it by hand from the console (at most once a week per pair, audited). Either
// way the row's `nudgedAt` is marked in the transaction that queues the mail.
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { menteeRequests, mentors, mentorships, people } from "~/db/schema/index";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { type Actor, recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import type { Services } from "~/platform/services";
import { stalledNudgeMail } from "./mails";
import { messages } from "./messages";
import { refuseNudgeByHand } from "./rules";

type MentorshipRow = typeof mentorships.$inferSelect;

/** The two people of a mentorship: names as they gave them, and their addresses. */
export async function pairOf(tx: Executor, m: MentorshipRow) {
  const [mentor] = await tx.select({ name: mentors.name, email: people.email }).from(mentors).innerJoin(people, eq(people.id, mentors.personId)).where(eq(mentors.id, m.mentorId)).limit(1);
  const [mentee] = await tx
    .select({ name: menteeRequests.name, email: people.email })
    .from(menteeRequests)
    .innerJoin(people, eq(people.id, menteeRequests.personId))
    .where(eq(menteeRequests.id, m.requestId))
    .limit(1);
  return { mentor, mentee };
}

/** Queues the nudge to both sides (the caller has marked `nudgedAt` in the same transaction). */
export async function queueStalledNudge(tx: Executor, services: Pick<Services, "jobs" | "appUrl" | "mailFrom">, m: MentorshipRow) {
  const { organisation } = await getSiteSettings(tx);
  const from = senderAddress(services.mailFrom, organisation);
  const pageUrl = `${services.appUrl}/mentorships/${m.publicId}`;
  const pair = await pairOf(tx, m);
  for (const [person, other] of [
    [pair.mentor, pair.mentee],
    [pair.mentee, pair.mentor],
  ] as const) {
    const mail = stalledNudgeMail({ orgName: organisation.name, name: person.name, otherName: other.name, pageUrl });
    await queueEmail(tx, services.jobs, { template: "mentorship.stalled-nudge", to: person.email, from, ...mail });
  }
  return pair;
}

const refusalMessages = { "not-stalled": messages.notStalled, "nudged-recently": messages.nudgedRecently } as const;

/** Staff nudge a stalled mentorship by hand: both sides are e-mailed; refused when not stalled or nudged in the last week. */
export async function nudgeMentorship(services: Services, actor: Actor, publicId: string): Promise<{ mentorName: string; menteeName: string }> {
  const now = services.clock();
  return services.db.transaction(async (tx) => {
    const [m] = await tx.select().from(mentorships).where(eq(mentorships.publicId, publicId)).limit(1);
    if (!m) throw new AppError("NOT_FOUND", messages.mentorshipNotFound);
    if (m.status !== "active" || !m.acceptedAt) throw new AppError("CONFLICT", messages.notActive);
    const refusal = refuseNudgeByHand({ startedAt: m.acceptedAt, lastMeetingOn: m.lastMeetingOn, nudgedAt: m.nudgedAt }, now);
    if (refusal) throw new AppError("CONFLICT", refusalMessages[refusal]);
    // Marked only if nobody nudged it since it was read: two clicks at once send one nudge.
    const marked = await tx
      .update(mentorships)
      .set({ nudgedAt: now })
      .where(and(eq(mentorships.id, m.id), m.nudgedAt ? eq(mentorships.nudgedAt, m.nudgedAt) : isNull(mentorships.nudgedAt)))
      .returning({ id: mentorships.id });
    if (marked.length === 0) throw new AppError("CONFLICT", messages.nudgedRecently);
    const pair = await queueStalledNudge(tx, services, m);
    await recordAudit(tx, actor, { action: "mentorship.nudge", subjectType: "mentorship", subjectId: m.publicId, details: { mentor: pair.mentor.name, mentee: pair.mentee.name } });
    return { mentorName: pair.mentor.name, menteeName: pair.mentee.name };
  });
}
