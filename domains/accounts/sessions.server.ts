// Sessions: a random token in the browser's cookie, only its hash in the database, with
// idle and absolute expiry, last seen, IP and user agent. Any web process can read them.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { people, personRoles, secondFactors, sessions } from "~/db/schema/index";
import { hashToken, newPublicId, newToken } from "~/platform/tokens";
import { roles } from "./accounts.schema";
import type { Role } from "./accounts.schema";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { rolesOf } from "./people.server";
import { isSessionLive, sessionLimits, touchEveryMs } from "./rules";

export type Viewer = {
  personId: number;
  publicId: string;
  email: string;
  name: string;
  roles: Role[];
  sessionId: number;
  sessionPublicId: string;
  csrfToken: string;
  /** Signed in by e-mail, authenticator code still due: guards treat the viewer as not signed in. */
  secondFactorPending: boolean;
  hasSecondFactor: boolean;
};

/** Starts a new session (a new token every sign-in, so a planted token is worthless). */
export async function createSession(
  db: Executor,
  input: { personId: number; ip: string | null; userAgent: string | null; now: Date; secondFactorPending?: boolean },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken(32);
  const expiresAt = new Date(input.now.getTime() + sessionLimits(await rolesOf(db, input.personId)).absoluteMs);
  await db.insert(sessions).values({
    publicId: newPublicId(),
    tokenHash: hashToken(token),
    csrfToken: newToken(24),
    personId: input.personId,
    secondFactorPending: input.secondFactorPending ?? false,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  });
  await db.update(people).set({ lastSignInAt: input.now }).where(eq(people.id, input.personId));
  return { token, expiresAt };
}

/** The person behind a session token, or null when the session is unknown, ended, expired or the account disabled. */
export async function findViewer(db: Executor, token: string, now: Date): Promise<Viewer | null> {
  // One query per request: session, person, roles and second factor together.
  const [row] = await db
    .select({
      session: sessions,
      person: people,
      roles: sql<Role[]>`coalesce((select array_agg(${personRoles.role} order by ${personRoles.role}) from ${personRoles} where ${personRoles.personId} = ${people.id}), '{}')`,
      hasSecondFactor: sql<boolean>`exists (select 1 from ${secondFactors} where ${secondFactors.personId} = ${people.id} and ${secondFactors.confirmedAt} is not null)`,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(eq(sessions.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.person.isDisabled) return null;
  const roles = parseRoles(row.roles);
  if (!isSessionLive(row.session, roles, now)) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  return {
    personId: row.person.id,
    publicId: row.person.publicId,
    email: row.person.email,
    name: row.person.name,
    roles,
    sessionId: row.session.id,
    sessionPublicId: row.session.publicId,
    csrfToken: row.session.csrfToken,
    secondFactorPending: row.session.secondFactorPending,
    hasSecondFactor: row.hasSecondFactor,
  };
}

/** A text[] comes back as an array from node-postgres and may come back as "{a,b}" from other drivers. */
function parseRoles(value: unknown): Role[] {
  const list = Array.isArray(value)
    ? value
    : String(value ?? "")
        .replace(/^\{|\}$/g, "")
        .split(",")
        .filter(Boolean);
  return list.filter((r): r is Role => (roles as readonly string[]).includes(r));
}

export async function endSessionByToken(db: Executor, token: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.endedAt)));
}

export async function listOwnSessions(db: Executor, personId: number, now: Date) {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.personId, personId), isNull(sessions.endedAt), sql`${sessions.expiresAt} > ${now}`))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.filter((r) => !r.secondFactorPending).map(({ tokenHash: _hash, csrfToken: _csrf, ...rest }) => rest);
}

/** Ends one of the actor's own sessions (not someone else's). */
export async function endOwnSession(db: Executor, actor: Actor, sessionPublicId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ endedAt: now })
      .where(and(eq(sessions.publicId, sessionPublicId), eq(sessions.personId, actor.personId), isNull(sessions.endedAt)))
      .returning({ id: sessions.id });
    if (ended.length) await recordAudit(tx, actor, { action: "session.end", subjectType: "session", subjectId: sessionPublicId });
    return ended.length > 0;
  });
}
