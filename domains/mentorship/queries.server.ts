// Reads of the staff console: mentors with their load, the waiting list, rounds and their
// proposals, and the dashboard's figures (counts under 10 are never shown as numbers).
import { and, asc, avg, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { menteeRequests, mentors, mentorshipFeedback, mentorshipProposals, mentorshipRounds, mentorships, people } from "~/db/schema/index";
import { listCycleOutcomes } from "~/domains/membership/cycle-outcomes.server";
import { formatPublished, publishCount, publishCounts } from "~/domains/evidence/suppression";
import { countInWords, isStalled, refuseNudgeByHand, shareInWords } from "./rules";
import { weeksWaiting } from "./scoring";
import { stateName, type Topic, topicKeys, topicLabels } from "./vocabulary";

const load = sql<number>`(select count(*) from ${mentorships} where ${mentorships.mentorId} = ${mentors.id} and ${mentorships.status} in ('introduced', 'active'))::int`;

export async function listMentorsWithLoad(db: Executor) {
  const rows = await db.select({ mentor: mentors, email: people.email, load }).from(mentors).innerJoin(people, eq(people.id, mentors.personId)).orderBy(asc(mentors.status), asc(mentors.name));
  return rows.map(({ mentor: m, email, load }) => ({
    publicId: m.publicId,
    name: m.name,
    email,
    specialty: m.specialty,
    states: m.licenceStates,
    setting: m.practiceSetting,
    years: m.yearsInPractice,
    boardCertified: m.boardCertified,
    selectionCommittee: m.selectionCommittee,
    status: m.status,
    paused: m.pausedByStaff ? "by staff" : m.pausedBySelf ? "by the mentor" : null,
    capacity: m.capacity,
    load: Number(load),
  }));
}

export async function listWaiting(db: Executor) {
  return db
    .select({ publicId: menteeRequests.publicId, name: menteeRequests.name, waitingSince: menteeRequests.waitingSince })
    .from(menteeRequests)
    .where(eq(menteeRequests.status, "waiting"))
    .orderBy(asc(menteeRequests.waitingSince), asc(menteeRequests.id))
    .limit(500);
}

export async function listRounds(db: Executor) {
  return db.select().from(mentorshipRounds).orderBy(desc(mentorshipRounds.createdAt)).limit(20);
}

export async function roundDetail(db: Executor, publicId: string) {
  const [round] = await db.select().from(mentorshipRounds).where(eq(mentorshipRounds.publicId, publicId)).limit(1);
  if (!round) return null;
  const proposals = await db
    .select({
      requestPublicId: menteeRequests.publicId,
      menteeName: menteeRequests.name,
      waitingSince: menteeRequests.waitingSince,
      mentorPublicId: mentors.publicId,
      mentorName: mentors.name,
      specialty: mentors.specialty,
      score: mentorshipProposals.score,
      reasons: mentorshipProposals.reasons,
      status: mentorshipProposals.status,
    })
    .from(mentorshipProposals)
    .innerJoin(menteeRequests, eq(menteeRequests.id, mentorshipProposals.requestId))
    .innerJoin(mentors, eq(mentors.id, mentorshipProposals.mentorId))
    .where(eq(mentorshipProposals.roundId, round.id))
    .orderBy(asc(menteeRequests.waitingSince))
    .limit(2000);
  return { round, proposals };
}

export async function mentorshipDashboard(db: Executor, now: Date) {
  const waiting = await db
    .select({ waitingSince: menteeRequests.waitingSince, topics: menteeRequests.topics, states: menteeRequests.preferredStates })
    .from(menteeRequests)
    .where(eq(menteeRequests.status, "waiting"));
  const buckets = [
    { label: "under 4 weeks", max: 4 },
    { label: "4 to 12 weeks", max: 12 },
    { label: "12 to 26 weeks", max: 26 },
    { label: "26 weeks or more", max: Number.POSITIVE_INFINITY },
  ].map((b) => ({ ...b, n: 0 }));
  const topicCounts = new Map<Topic, number>();
  const stateCounts = new Map<string, number>();
  for (const w of waiting) {
    const weeks = weeksWaiting(w.waitingSince, now);
    buckets.find((b) => weeks < b.max)!.n++;
    for (const t of w.topics) topicCounts.set(t as Topic, (topicCounts.get(t as Topic) ?? 0) + 1);
    for (const s of w.states) stateCounts.set(s, (stateCounts.get(s) ?? 0) + 1);
  }
  const [capacity] = await db
    .select({ places: sql<number>`coalesce(sum(${mentors.capacity}), 0)::int`, n: count() })
    .from(mentors)
    .where(eq(mentors.status, "approved"));
  const byStatus = await db.select({ status: mentorships.status, n: count() }).from(mentorships).groupBy(mentorships.status);
  const statusCount = (s: string) => byStatus.find((b) => b.status === s)?.n ?? 0;
  const active = await db
    .select({
      publicId: mentorships.publicId,
      acceptedAt: mentorships.acceptedAt,
      lastMeetingOn: mentorships.lastMeetingOn,
      nudgedAt: mentorships.nudgedAt,
      mentorName: mentors.name,
      menteeName: menteeRequests.name,
    })
    .from(mentorships)
    .innerJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .innerJoin(menteeRequests, eq(menteeRequests.id, mentorships.requestId))
    .where(eq(mentorships.status, "active"));
  const stalled = active
    .filter((a) => a.acceptedAt && isStalled({ startedAt: a.acceptedAt, lastMeetingOn: a.lastMeetingOn }, now))
    .map((a) => ({
      publicId: a.publicId,
      mentorName: a.mentorName,
      menteeName: a.menteeName,
      lastMeetingOn: a.lastMeetingOn,
      nudgedAt: a.nudgedAt?.toISOString() ?? null,
      mayNudge: refuseNudgeByHand({ startedAt: a.acceptedAt!, lastMeetingOn: a.lastMeetingOn, nudgedAt: a.nudgedAt }, now) === null,
    }));
  const feedback = await db
    .select({ side: mentorshipFeedback.side, stage: mentorshipFeedback.stage, n: count(), average: avg(mentorshipFeedback.rating) })
    .from(mentorshipFeedback)
    .groupBy(mentorshipFeedback.side, mentorshipFeedback.stage);
  // Outcomes: members with a recorded match cycle, mentored (a mentorship accepted before that cycle's year ended) or not.
  const mentored = await db
    .select({ personId: mentorships.menteePersonId, acceptedAt: mentorships.acceptedAt })
    .from(mentorships)
    .where(and(inArray(mentorships.status, ["active", "ended"])));
  const mentoredSince = new Map<number, Date>();
  for (const m of mentored) if (m.acceptedAt && (!mentoredSince.has(m.personId) || m.acceptedAt < mentoredSince.get(m.personId)!)) mentoredSince.set(m.personId, m.acceptedAt);
  const outcomes = { mentored: { n: 0, matched: 0 }, rest: { n: 0, matched: 0 } };
  for (const c of await listCycleOutcomes(db)) {
    if (c.outcome === "withdrew") continue;
    const since = mentoredSince.get(c.personId);
    const group = since && since.getUTCFullYear() <= c.year ? outcomes.mentored : outcomes.rest;
    group.n++;
    if (c.outcome === "matched" || c.outcome === "matched-soap") group.matched++;
  }
  // Counts shown side by side with their total are suppressed as one table (evidence/suppression.ts):
  // the waiting list by weeks, and the places in use (introduced + active). Other counts stand alone.
  const waitingLine = publishCounts(Object.fromEntries(buckets.map((b) => [b.label, b.n])));
  const inUse = publishCounts({ introduced: statusCount("introduced"), active: statusCount("active") });
  return {
    waiting: { total: formatPublished(waitingLine.total), buckets: buckets.map((b) => ({ label: b.label, count: formatPublished(waitingLine.cells[b.label]) })) },
    topics: topicKeys
      .map((t) => ({ label: topicLabels[t], n: topicCounts.get(t) ?? 0 }))
      .sort((a, b) => b.n - a.n)
      .map((t) => ({ label: t.label, count: countInWords(t.n) })),
    states: [...stateCounts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([code, n]) => ({ label: stateName(code), count: countInWords(n) })),
    capacity: { mentors: countInWords(capacity?.n ?? 0), places: capacity?.places ?? 0, used: formatPublished(inUse.total) },
    mentorships: { introduced: formatPublished(inUse.cells.introduced), active: formatPublished(inUse.cells.active), ended: countInWords(statusCount("ended")) },
    stalled: { count: countInWords(stalled.length), list: stalled },
    feedback: feedback.map((f) => ({
      side: f.side === "mentor" ? "Mentors" : "Mentees",
      stage: f.stage === "end" ? "at the end" : "at three months",
      count: countInWords(f.n),
      average: publishCount(f.n).withheld ? "not shown (fewer than 10)" : Number(f.average).toFixed(1),
    })),
    outcomes: {
      mentored: { count: countInWords(outcomes.mentored.n), matched: shareInWords(outcomes.mentored.matched, outcomes.mentored.n) },
      rest: { count: countInWords(outcomes.rest.n), matched: shareInWords(outcomes.rest.matched, outcomes.rest.n) },
    },
  };
}

/**
 * The staff report's mentorship rows, month by month over a range: requests made and mentorships
 * begun (the mentor accepted); and the waiting list today (exact: staff only).
 */
export async function mentorshipWaitingReport(db: Executor, from: Date, to: Date): Promise<{ months: { month: string; requested: number; begun: number }[]; waitingNow: number }> {
  const result = await db.execute(sql`
    with months as (
      select m::date as start, (m + interval '1 month')::date as next
      from generate_series(date_trunc('month', ${from.toISOString()}::timestamptz at time zone 'UTC'), ${to.toISOString()}::timestamptz at time zone 'UTC' - interval '1 second', interval '1 month') m
    )
    select to_char(months.start, 'YYYY-MM') as month,
      (select count(*) from mentee_requests r where r.created_at >= months.start and r.created_at < months.next)::int as requested,
      (select count(*) from mentorships s where s.accepted_at >= months.start and s.accepted_at < months.next)::int as begun
    from months order by months.start`);
  const [waiting] = await db.select({ n: count() }).from(menteeRequests).where(eq(menteeRequests.status, "waiting"));
  const rows = (result as unknown as { rows: { month: string; requested: number; begun: number }[] }).rows;
  return { months: rows.map((r) => ({ month: r.month, requested: Number(r.requested), begun: Number(r.begun) })), waitingNow: Number(waiting?.n ?? 0) };
}
