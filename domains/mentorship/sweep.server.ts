// The hourly sweep of mentorship: unanswered introductions expire (the mentee keeps their place),
// feedback is asked at three months and at the end, stalled mentorships get one nudge per six weeks.
// Each step marks its row in the transaction that queues the mail, so a rerun sends nothing twice.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { menteeRequests, mentors, mentorships, people } from "~/db/schema/index";
import { feedbackRequestMail, stalledNudgeMail } from "./mails";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import type { Services } from "~/platform/services";
import { expireIntroductions } from "./mentorships.server";
import { isDueThreeMonthFeedback, isStalled } from "./rules";

async function pairOf(tx: Executor, m: typeof mentorships.$inferSelect) {
  const [mentor] = await tx.select({ name: mentors.name, email: people.email }).from(mentors).innerJoin(people, eq(people.id, mentors.personId)).where(eq(mentors.id, m.mentorId)).limit(1);
  const [mentee] = await tx
    .select({ name: menteeRequests.name, email: people.email })
    .from(menteeRequests)
    .innerJoin(people, eq(people.id, menteeRequests.personId))
    .where(eq(menteeRequests.id, m.requestId))
    .limit(1);
  return { mentor, mentee };
}

export async function sweepMentorships(services: Services): Promise<{ expired: number; feedback: number; nudged: number }> {
  const { db, jobs, clock, appUrl, mailFrom } = services;
  const now = clock();
  const expired = await expireIntroductions(services);
  const { organisation } = await getSiteSettings(db);
  const from = senderAddress(mailFrom, organisation);
  let feedback = 0;
  let nudged = 0;
  const rows = await db
    .select()
    .from(mentorships)
    .where(and(inArray(mentorships.status, ["active", "ended"])));
  for (const m of rows) {
    const pageUrl = `${appUrl}/mentorships/${m.publicId}`;
    const threeMonths = m.status === "active" && isDueThreeMonthFeedback(m, now);
    const atEnd = m.status === "ended" && !!m.acceptedAt && !m.endFeedbackAskedAt;
    if (threeMonths || atEnd) {
      const stage = atEnd ? "end" : "three-months";
      await db.transaction(async (tx) => {
        const marked = await tx
          .update(mentorships)
          .set(atEnd ? { endFeedbackAskedAt: now } : { feedbackAskedAt: now })
          .where(and(eq(mentorships.id, m.id), isNull(atEnd ? mentorships.endFeedbackAskedAt : mentorships.feedbackAskedAt)))
          .returning({ id: mentorships.id });
        if (marked.length === 0) return;
        const { mentor, mentee } = await pairOf(tx, m);
        for (const person of [mentor, mentee]) {
          const mail = feedbackRequestMail({ orgName: organisation.name, name: person.name, stage, pageUrl: `${pageUrl}#feedback` });
          await queueEmail(tx, jobs, { template: `mentorship.feedback-${stage}`, to: person.email, from, ...mail });
        }
        feedback++;
      });
    }
    if (m.status === "active" && m.acceptedAt && isStalled({ startedAt: m.acceptedAt, lastMeetingOn: m.lastMeetingOn, nudgedAt: m.nudgedAt }, now)) {
      await db.transaction(async (tx) => {
        await tx.update(mentorships).set({ nudgedAt: now }).where(eq(mentorships.id, m.id));
        const { mentor, mentee } = await pairOf(tx, m);
        for (const [person, other] of [
          [mentor, mentee],
          [mentee, mentor],
        ] as const) {
          const mail = stalledNudgeMail({ orgName: organisation.name, name: person.name, otherName: other.name, pageUrl });
          await queueEmail(tx, jobs, { template: "mentorship.stalled-nudge", to: person.email, from, ...mail });
        }
        nudged++;
      });
    }
  }
  return { expired, feedback, nudged };
}
