// An approved member asks for a mentor (one open request), updates it or withdraws it; their place in
// line is the time they first asked (kept when a proposal falls through) and the honest expected wait.
import { and, asc, count, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { menteeRequests, mentors, mentorships } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import { newPublicId } from "~/platform/tokens";
import { messages } from "./messages";
import type { MenteeRequestInput } from "./mentorship.schema";
import { expectedWait, rateWindowWeeks, type WaitEstimate } from "./rules";

type Member = { personId: number; roles: readonly string[] };

const openStatuses = ["waiting", "introduced"] as const;

export async function findOpenRequest(db: Executor, personId: number) {
  const [row] = await db
    .select()
    .from(menteeRequests)
    .where(and(eq(menteeRequests.personId, personId), inArray(menteeRequests.status, [...openStatuses])))
    .limit(1);
  return row ?? null;
}

async function mentorIdsOf(db: Executor, publicIds: string[]) {
  if (publicIds.length === 0) return [];
  const rows = await db.select({ id: mentors.id }).from(mentors).where(inArray(mentors.publicId, publicIds));
  return rows.map((r) => r.id);
}

export async function saveMenteeRequest(db: Executor, member: Member, input: MenteeRequestInput, now: Date): Promise<{ created: boolean }> {
  if (!member.roles.includes("member")) throw new AppError("FORBIDDEN", messages.notMember);
  const { avoid, ...answers } = input;
  const values = { ...answers, avoidMentorIds: await mentorIdsOf(db, avoid), updatedAt: now };
  const open = await findOpenRequest(db, member.personId);
  if (open) {
    await db.update(menteeRequests).set(values).where(eq(menteeRequests.id, open.id));
    return { created: false };
  }
  await db.insert(menteeRequests).values({ publicId: newPublicId(), personId: member.personId, ...values, status: "waiting", waitingSince: now, createdAt: now });
  return { created: true };
}

export async function withdrawMenteeRequest(db: Executor, personId: number, now: Date): Promise<void> {
  const updated = await db
    .update(menteeRequests)
    .set({ status: "withdrawn", updatedAt: now })
    .where(and(eq(menteeRequests.personId, personId), eq(menteeRequests.status, "waiting")))
    .returning({ id: menteeRequests.id });
  if (updated.length === 0) throw new AppError("CONFLICT", messages.noRequest);
}

/** Free places of approved, unpaused mentors (capacity less introduced and active mentorships). */
export async function freePlaces(db: Executor): Promise<number> {
  const [row] = await db
    .select({
      free: sql<number>`coalesce(sum(greatest(0, ${mentors.capacity} - (select count(*) from ${mentorships} where ${mentorships.mentorId} = ${mentors.id} and ${mentorships.status} in ('introduced', 'active')))), 0)::int`,
    })
    .from(mentors)
    .where(and(eq(mentors.status, "approved"), eq(mentors.pausedByStaff, false), eq(mentors.pausedBySelf, false)));
  return Number(row?.free ?? 0);
}

/** Mentorships a mentor accepted in the recent window: the rate the expected wait uses. */
export async function recentMatches(db: Executor, now: Date): Promise<number> {
  const since = new Date(now.getTime() - rateWindowWeeks * 7 * 86_400_000);
  const [row] = await db.select({ n: count() }).from(mentorships).where(gte(mentorships.acceptedAt, since));
  return row?.n ?? 0;
}

export type PlaceInLine = { place: number; waiting: number; estimate: WaitEstimate };

/** 1 = next in line: those waiting since before this request, plus one. */
export async function placeInLine(db: Executor, request: { id: number; waitingSince: Date }, now: Date): Promise<PlaceInLine> {
  const [ahead] = await db
    .select({ n: count() })
    .from(menteeRequests)
    .where(
      and(
        eq(menteeRequests.status, "waiting"),
        or(lt(menteeRequests.waitingSince, request.waitingSince), and(eq(menteeRequests.waitingSince, request.waitingSince), lt(menteeRequests.id, request.id))),
      ),
    );
  const [all] = await db.select({ n: count() }).from(menteeRequests).where(eq(menteeRequests.status, "waiting"));
  const place = (ahead?.n ?? 0) + 1;
  return { place, waiting: all?.n ?? 0, estimate: expectedWait({ place, freePlaces: await freePlaces(db), matchesInWindow: await recentMatches(db, now) }) };
}

/** Approved mentors a member may name to avoid (name and specialty only). */
export async function listMentorsToAvoid(db: Executor) {
  return db.select({ publicId: mentors.publicId, id: mentors.id, name: mentors.name, specialty: mentors.specialty }).from(mentors).where(eq(mentors.status, "approved")).orderBy(asc(mentors.name));
}
