// The hourly sweep of mentorship: unanswered introductions expire (the mentee keeps their place),
// feedback is asked at three months and at the end, stalled mentorships get one nudge per six weeks
// (nudge-mentorship.server.ts; staff may also nudge by hand).
// Each step marks its row in the transaction that queues the mail, so a rerun sends nothing twice.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { mentorships } from "~/db/schema/index";
import { feedbackRequestMail } from "./mails";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import type { Services } from "~/platform/services";
import { expireIntroductions } from "./mentorships.server";
import { pairOf, queueStalledNudge } from "./nudge-mentorship.server";
import { isDueForNudge, isDueThreeMonthFeedback } from "./rules";

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
    if (m.status === "active" && m.acceptedAt && isDueForNudge({ startedAt: m.acceptedAt, lastMeetingOn: m.lastMeetingOn, nudgedAt: m.nudgedAt }, now)) {
      await db.transaction(async (tx) => {
        // Marked only if nobody (staff, by hand) nudged it since it was read.
        const marked = await tx
          .update(mentorships)
          .set({ nudgedAt: now })
          .where(and(eq(mentorships.id, m.id), m.nudgedAt ? eq(mentorships.nudgedAt, m.nudgedAt) : isNull(mentorships.nudgedAt)))
          .returning({ id: mentorships.id });
        if (marked.length === 0) return;
        await queueStalledNudge(tx, services, m);
        nudged++;
      });
    }
  }
  return { expired, feedback, nudged };
}
