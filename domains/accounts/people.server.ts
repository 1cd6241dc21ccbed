// People and their roles: finding them, granting and revoking roles, disabling accounts.
import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { containsPattern } from "~/platform/search-pattern";
import { people, personRoles, sessions } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import { newPublicId } from "~/platform/tokens";
import type { Role } from "./accounts.schema";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { messages } from "./messages";

export async function rolesOf(db: Executor, personId: number): Promise<Role[]> {
  const rows = await db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, personId));
  return rows.map((r) => r.role);
}

export async function findPersonByEmail(db: Executor, email: string) {
  const [person] = await db.select().from(people).where(eq(people.email, email)).limit(1);
  return person ?? null;
}

export async function findPersonByPublicId(db: Executor, publicId: string) {
  const [person] = await db.select().from(people).where(eq(people.publicId, publicId)).limit(1);
  if (!person) return null;
  return { ...person, roles: await rolesOf(db, person.id) };
}

/**
 * The account of someone who applied for membership: created with no role (an applicant is not a
 * member), named as they gave their name unless the account has a name already. Returns its id.
 */
export async function ensureApplicantAccount(db: Executor, email: string, name: string): Promise<{ id: number; created: boolean }> {
  const normalised = email.trim().toLowerCase();
  const inserted = await db.insert(people).values({ publicId: newPublicId(), email: normalised, name }).onConflictDoNothing().returning({ id: people.id });
  if (inserted.length) return { id: inserted[0].id, created: true };
  const person = (await findPersonByEmail(db, normalised))!;
  if (!person.name) await db.update(people).set({ name }).where(eq(people.id, person.id));
  return { id: person.id, created: false };
}

/** Keeps an account's name as the person last gave it (an applicant's own change of their application). */
export async function renamePerson(db: Executor, email: string, name: string): Promise<void> {
  await db.update(people).set({ name }).where(eq(people.email, email.trim().toLowerCase()));
}

/** Creates the person if needed and gives them a role; used for the first admin. */
export async function ensurePersonWithRole(db: Executor, email: string, role: Role, actor: Actor | null): Promise<{ created: boolean; granted: boolean }> {
  const normalised = email.trim().toLowerCase();
  const inserted = await db.insert(people).values({ publicId: newPublicId(), email: normalised }).onConflictDoNothing().returning({ id: people.id });
  const person = (await findPersonByEmail(db, normalised))!;
  const granted = await db.insert(personRoles).values({ personId: person.id, role, grantedBy: actor?.personId }).onConflictDoNothing().returning();
  if (granted.length)
    await recordAudit(db, actor, { action: "role.grant", subjectType: "person", subjectId: person.publicId, details: { role, email: normalised, via: actor ? "console" : "startup" } });
  return { created: inserted.length > 0, granted: granted.length > 0 };
}

export async function changeRole(db: Executor, actor: Actor, input: { personPublicId: string; role: Role; intent: "grant" | "revoke" }): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await findPersonByPublicId(tx, input.personPublicId);
    if (!person) throw new AppError("NOT_FOUND", "No such person");
    if (input.intent === "grant") {
      await tx.insert(personRoles).values({ personId: person.id, role: input.role, grantedBy: actor.personId }).onConflictDoNothing();
    } else {
      if (input.role === "admin") {
        const [{ n }] = await tx.select({ n: count() }).from(personRoles).where(eq(personRoles.role, "admin"));
        if (n <= 1 && person.roles.includes("admin")) throw new AppError("CONFLICT", messages.cannotRemoveLastAdmin);
      }
      await tx.delete(personRoles).where(and(eq(personRoles.personId, person.id), eq(personRoles.role, input.role)));
    }
    await recordAudit(tx, actor, { action: `role.${input.intent}`, subjectType: "person", subjectId: person.publicId, details: { role: input.role, email: person.email } });
  });
}

export async function setPersonDisabled(db: Executor, actor: Actor, input: { personPublicId: string; disabled: boolean }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await findPersonByPublicId(tx, input.personPublicId);
    if (!person) throw new AppError("NOT_FOUND", "No such person");
    if (person.id === actor.personId && input.disabled) throw new AppError("CONFLICT", messages.cannotDisableSelf);
    await tx.update(people).set({ isDisabled: input.disabled, updatedAt: now }).where(eq(people.id, person.id));
    if (input.disabled)
      await tx
        .update(sessions)
        .set({ endedAt: now })
        .where(and(eq(sessions.personId, person.id), sql`${sessions.endedAt} is null`));
    await recordAudit(tx, actor, { action: input.disabled ? "person.disable" : "person.enable", subjectType: "person", subjectId: person.publicId, details: { email: person.email } });
  });
}

export async function searchPeople(db: Executor, filter: { q?: string; role?: Role; limit?: number }) {
  const conditions = [];
  if (filter.q) {
    const like = containsPattern(filter.q);
    conditions.push(or(ilike(people.email, like), ilike(people.name, like)));
  }
  if (filter.role) conditions.push(inArray(people.id, db.select({ id: personRoles.personId }).from(personRoles).where(eq(personRoles.role, filter.role))));
  const rows = await db
    .select()
    .from(people)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(people.email))
    .limit(filter.limit ?? 50);
  const roleRows = rows.length
    ? await db
        .select()
        .from(personRoles)
        .where(
          inArray(
            personRoles.personId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((p) => ({ ...p, roles: roleRows.filter((r) => r.personId === p.id).map((r) => r.role) }));
}
