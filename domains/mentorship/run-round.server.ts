// A matching round: everyone waiting against every approved, unpaused mentor with a free place, the
// exact assignment next to the greedy baseline, stored as proposals that nobody sees until staff
// confirm. Staff may change or reject any proposal, or match by hand; confirming introduces both
// people by e-mail and gives the mentor `respondDays` to accept.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { menteeRequests, mentors, mentorshipProposals, mentorshipRounds, mentorships, people } from "~/db/schema/index";
import { introductionToMenteeMail, introductionToMentorMail } from "./mails";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { type Actor, recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import type { Services } from "~/platform/services";
import { newPublicId } from "~/platform/tokens";
import { type Assignment, assignExactly, assignGreedily, buildCandidates, type CandidateGraph, type Objective } from "./assignment";
import { messages } from "./messages";
import { encodeMentee, encodeMentors, LanguageBits, type MatchWeights, type MenteeProfile, type MentorProfile, scorePair } from "./scoring";
import { getMatchSettings } from "./settings.server";
import type { Availability, PracticeSetting, Topic } from "./vocabulary";

/** Above this many possible pairs each mentee keeps their 20 best mentors (assignment.ts states what that costs). */
export const pruneAbovePairs = 4_000_000;
export const keptPerMentee = 20;

type MentorRow = typeof mentors.$inferSelect;
type RequestRow = typeof menteeRequests.$inferSelect;

export const mentorProfileOf = (m: MentorRow): MentorProfile => ({
  specialty: m.specialty,
  licenceStates: m.licenceStates,
  practiceSetting: m.practiceSetting as PracticeSetting,
  languages: m.languages,
  topics: m.topics as Topic[],
  availability: m.availability as Availability[],
  selectionCommittee: m.selectionCommittee,
});
export const menteeProfileOf = (r: RequestRow): MenteeProfile => ({
  targetSpecialties: r.targetSpecialties,
  topics: r.topics as Topic[],
  preferredStates: r.preferredStates,
  language: r.language,
  availability: r.availability as Availability[],
  practiceSettings: r.practiceSettings as PracticeSetting[],
  waitingSince: r.waitingSince,
});

/** Approved, unpaused mentors with their free places (capacity less introduced and active mentorships). */
async function openMentors(db: Executor) {
  const rows = await db
    .select({
      mentor: mentors,
      taken: sql<number>`(select count(*) from ${mentorships} where ${mentorships.mentorId} = ${mentors.id} and ${mentorships.status} in ('introduced', 'active'))::int`,
    })
    .from(mentors)
    .where(and(eq(mentors.status, "approved"), eq(mentors.pausedByStaff, false), eq(mentors.pausedBySelf, false)))
    .orderBy(asc(mentors.id));
  return rows.map((r) => ({ ...r.mentor, free: Math.max(0, r.mentor.capacity - Number(r.taken)) }));
}

export type PreparedRound = {
  requests: RequestRow[];
  mentors: (MentorRow & { free: number })[];
  graph: CandidateGraph;
  exact: Assignment;
  greedy: Assignment;
  weights: MatchWeights;
  objective: Objective;
  pruned: boolean;
};

/** Runs the matching in memory: nothing is stored. */
export async function prepareRound(db: Executor, now: Date, objective: Objective = "score"): Promise<PreparedRound> {
  const { weights } = await getMatchSettings(db);
  const requests = await db.select().from(menteeRequests).where(eq(menteeRequests.status, "waiting")).orderBy(asc(menteeRequests.waitingSince), asc(menteeRequests.id));
  const open = await openMentors(db);
  const bits = new LanguageBits();
  const indexOfMentor = new Map(open.map((m, j) => [m.id, j]));
  const pruned = requests.length * open.length > pruneAbovePairs;
  const graph = buildCandidates({
    mentors: encodeMentors(open.map(mentorProfileOf), bits),
    capacity: Int32Array.from(open.map((m) => m.free)),
    mentees: requests.map((r) => encodeMentee(menteeProfileOf(r), weights, now, bits)),
    waitingSince: Float64Array.from(requests.map((r) => r.waitingSince.getTime())),
    weights,
    avoided: (i) => new Set(requests[i].avoidMentorIds.map((id) => indexOfMentor.get(id) ?? -1)),
    perMentee: pruned ? keptPerMentee : undefined,
  });
  return { requests, mentors: open, graph, exact: assignExactly(graph, objective), greedy: assignGreedily(graph), weights, objective, pruned };
}

export async function runRound(db: Executor, actor: Actor, input: { objective: Objective }, now: Date): Promise<{ publicId: string }> {
  const p = await prepareRound(db, now, input.objective);
  const publicId = newPublicId();
  await db.transaction(async (tx) => {
    const [round] = await tx
      .insert(mentorshipRounds)
      .values({
        publicId,
        objective: p.objective,
        weights: p.weights,
        waiting: p.requests.length,
        openPlaces: p.mentors.reduce((s, m) => s + m.free, 0),
        candidatePairs: p.graph.mentor.length,
        exactTotal: p.exact.total,
        exactMatched: p.exact.matched,
        greedyTotal: p.greedy.total,
        greedyMatched: p.greedy.matched,
        createdBy: actor.personId,
        createdAt: now,
      })
      .returning({ id: mentorshipRounds.id });
    const rows = [];
    for (let i = 0; i < p.requests.length; i++) {
      const j = p.exact.mentorOf[i];
      if (j < 0) continue;
      const explained = scorePair(mentorProfileOf(p.mentors[j]), menteeProfileOf(p.requests[i]), p.weights, now);
      rows.push({ roundId: round.id, requestId: p.requests[i].id, mentorId: p.mentors[j].id, score: explained.score, reasons: explained.reasons });
    }
    for (let k = 0; k < rows.length; k += 1000) await tx.insert(mentorshipProposals).values(rows.slice(k, k + 1000));
    await recordAudit(tx, actor, {
      action: "mentorship.round-run",
      subjectType: "mentorship-round",
      subjectId: publicId,
      details: { waiting: p.requests.length, proposed: rows.length, exactTotal: p.exact.total, greedyTotal: p.greedy.total, objective: p.objective },
    });
  });
  return { publicId };
}

async function proposedRound(tx: Executor, roundPublicId: string) {
  const [round] = await tx.select().from(mentorshipRounds).where(eq(mentorshipRounds.publicId, roundPublicId)).limit(1);
  if (!round) throw new AppError("NOT_FOUND", "No such round.");
  if (round.status !== "proposed") throw new AppError("CONFLICT", messages.roundNotProposed);
  return round;
}

/** Staff change a proposal's mentor, or reject it (mentorPublicId empty): that member stays in line. */
export async function changeProposal(db: Executor, actor: Actor, input: { roundPublicId: string; requestPublicId: string; mentorPublicId: string }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await proposedRound(tx, input.roundPublicId);
    const [request] = await tx.select().from(menteeRequests).where(eq(menteeRequests.publicId, input.requestPublicId)).limit(1);
    if (!request) throw new AppError("NOT_FOUND", messages.requestNotWaiting);
    if (!input.mentorPublicId) {
      await tx
        .update(mentorshipProposals)
        .set({ status: "rejected" })
        .where(and(eq(mentorshipProposals.roundId, round.id), eq(mentorshipProposals.requestId, request.id)));
    } else {
      const [mentor] = await tx.select().from(mentors).where(eq(mentors.publicId, input.mentorPublicId)).limit(1);
      if (!mentor) throw new AppError("NOT_FOUND", messages.mentorNotFound);
      if (request.avoidMentorIds.includes(mentor.id)) throw new AppError("CONFLICT", messages.avoided);
      const explained = scorePair(mentorProfileOf(mentor), menteeProfileOf(request), (await getMatchSettings(tx)).weights, now);
      await tx
        .insert(mentorshipProposals)
        .values({ roundId: round.id, requestId: request.id, mentorId: mentor.id, score: explained.score, reasons: explained.reasons, status: "changed" })
        .onConflictDoUpdate({
          target: [mentorshipProposals.roundId, mentorshipProposals.requestId],
          set: { mentorId: mentor.id, score: explained.score, reasons: explained.reasons, status: "changed" },
        });
    }
    await recordAudit(tx, actor, {
      action: input.mentorPublicId ? "mentorship.proposal-change" : "mentorship.proposal-reject",
      subjectType: "mentorship-round",
      subjectId: round.publicId,
      details: { request: request.publicId, mentor: input.mentorPublicId || null },
    });
  });
}

export async function discardRound(db: Executor, actor: Actor, roundPublicId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await proposedRound(tx, roundPublicId);
    await tx.update(mentorshipRounds).set({ status: "discarded" }).where(eq(mentorshipRounds.id, round.id));
    await recordAudit(tx, actor, { action: "mentorship.round-discard", subjectType: "mentorship-round", subjectId: round.publicId });
  });
}

type Introduction = { request: RequestRow; mentor: MentorRow; score: number | null; reasons: string[]; roundId: number | null };

/** Creates the introduced mentorship and queues both e-mails; the checks a person would make first. */
async function introduce(tx: Executor, services: Services, intro: Introduction, respondDays: number): Promise<string> {
  const { jobs, clock, appUrl, mailFrom } = services;
  const now = clock();
  if (intro.request.status !== "waiting") throw new AppError("CONFLICT", messages.requestNotWaiting);
  if (intro.mentor.status !== "approved" || intro.mentor.pausedByStaff || intro.mentor.pausedBySelf) throw new AppError("CONFLICT", messages.mentorNotAvailable);
  if (intro.request.avoidMentorIds.includes(intro.mentor.id)) throw new AppError("CONFLICT", messages.avoided);
  const [{ taken }] = await tx
    .select({ taken: sql<number>`count(*)::int` })
    .from(mentorships)
    .where(and(eq(mentorships.mentorId, intro.mentor.id), inArray(mentorships.status, ["introduced", "active"])));
  if (Number(taken) >= intro.mentor.capacity) throw new AppError("CONFLICT", messages.mentorFull);
  const respondBy = new Date(now.getTime() + respondDays * 86_400_000);
  const publicId = newPublicId();
  await tx.insert(mentorships).values({
    publicId,
    requestId: intro.request.id,
    mentorId: intro.mentor.id,
    menteePersonId: intro.request.personId,
    roundId: intro.roundId,
    score: intro.score,
    reasons: intro.reasons,
    status: "introduced",
    respondBy,
    goals: intro.request.goals,
    createdAt: now,
  });
  await tx.update(menteeRequests).set({ status: "introduced", updatedAt: now }).where(eq(menteeRequests.id, intro.request.id));
  const emails = await tx
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(inArray(people.id, [intro.request.personId, intro.mentor.personId]));
  const emailOf = (id: number) => emails.find((e) => e.id === id)!.email;
  const { organisation } = await getSiteSettings(tx);
  const from = senderAddress(mailFrom, organisation);
  const by = respondBy.toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" });
  const pageUrl = `${appUrl}/mentorships/${publicId}`;
  const toMentor = introductionToMentorMail({ orgName: organisation.name, mentorName: intro.mentor.name, menteeName: intro.request.name, reasons: intro.reasons, respondBy: by, pageUrl });
  const toMentee = introductionToMenteeMail({ orgName: organisation.name, menteeName: intro.request.name, mentorName: intro.mentor.name, specialty: intro.mentor.specialty, respondBy: by, pageUrl });
  await queueEmail(tx, jobs, { template: "mentorship.introduction-mentor", to: emailOf(intro.mentor.personId), from, ...toMentor });
  await queueEmail(tx, jobs, { template: "mentorship.introduction-mentee", to: emailOf(intro.request.personId), from, ...toMentee });
  return publicId;
}

/** Confirms a round: every proposal not rejected becomes an introduction; nothing was visible before. */
export async function confirmRound(services: Services, actor: Actor, roundPublicId: string): Promise<{ introduced: number; skipped: number }> {
  const { db, clock } = services;
  const { respondDays } = await getMatchSettings(db);
  return db.transaction(async (tx) => {
    const round = await proposedRound(tx, roundPublicId);
    const proposals = await tx
      .select({ proposal: mentorshipProposals, request: menteeRequests, mentor: mentors })
      .from(mentorshipProposals)
      .innerJoin(menteeRequests, eq(menteeRequests.id, mentorshipProposals.requestId))
      .innerJoin(mentors, eq(mentors.id, mentorshipProposals.mentorId))
      .where(and(eq(mentorshipProposals.roundId, round.id), inArray(mentorshipProposals.status, ["proposed", "changed"])));
    let introduced = 0;
    let skipped = 0;
    for (const p of proposals) {
      // A member who withdrew or a mentor who paused since the round is skipped, not an error.
      try {
        await tx.transaction(async (inner) => {
          await introduce(inner, services, { request: p.request, mentor: p.mentor, score: p.proposal.score, reasons: p.proposal.reasons, roundId: round.id }, respondDays);
        });
        introduced++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skipped++;
      }
    }
    await tx.update(mentorshipRounds).set({ status: "confirmed", confirmedBy: actor.personId, confirmedAt: clock() }).where(eq(mentorshipRounds.id, round.id));
    await recordAudit(tx, actor, { action: "mentorship.round-confirm", subjectType: "mentorship-round", subjectId: round.publicId, details: { introduced, skipped } });
    return { introduced, skipped };
  });
}

/** Staff match one waiting member with one mentor by hand (introduced at once, like a confirmed round). */
export async function matchByHand(services: Services, actor: Actor, input: { requestPublicId: string; mentorPublicId: string }): Promise<{ publicId: string }> {
  const { db, clock } = services;
  const { weights, respondDays } = await getMatchSettings(db);
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(menteeRequests).where(eq(menteeRequests.publicId, input.requestPublicId)).limit(1);
    if (!request) throw new AppError("VALIDATION", messages.requestNotWaiting, { request: messages.requestNotWaiting });
    const [mentor] = await tx.select().from(mentors).where(eq(mentors.publicId, input.mentorPublicId)).limit(1);
    if (!mentor) throw new AppError("VALIDATION", messages.mentorNotFound, { mentor: messages.mentorNotFound });
    const explained = scorePair(mentorProfileOf(mentor), menteeProfileOf(request), weights, clock());
    const publicId = await introduce(tx, services, { request, mentor, score: explained.score, reasons: explained.reasons, roundId: null }, respondDays);
    await recordAudit(tx, actor, { action: "mentorship.match-by-hand", subjectType: "mentorship", subjectId: publicId, details: { request: request.publicId, mentor: mentor.publicId } });
    return { publicId };
  });
}
