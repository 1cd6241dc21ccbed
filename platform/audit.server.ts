// Writing and reading the audit log. Writes happen inside the transaction of the change.
// The log is append-only at the database; the one change it allows is pseudonymising the address
// of a deleted account (drizzle/0016_audit_log_pseudonymise.sql).
import { randomBytes } from "node:crypto";
import { and, desc, eq, ilike, lt, or, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { containsPattern } from "./search-pattern";
import { auditLog } from "~/db/schema/index";

export type Actor = { personId: number; email: string; ip: string | null; requestId?: string };

export async function recordAudit(tx: Executor, actor: Actor | null, entry: { action: string; subjectType?: string; subjectId?: string; details?: Record<string, unknown> }): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.personId ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.details ?? {},
    ip: actor?.ip ?? null,
    requestId: actor?.requestId,
  });
}

export type AuditFilter = { q?: string; action?: string; before?: number; limit?: number };

export async function listAudit(db: Executor, filter: AuditFilter) {
  const conditions = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  if (filter.q) {
    const like = containsPattern(filter.q);
    conditions.push(or(ilike(auditLog.actorEmail, like), ilike(auditLog.subjectId, like), sql`${auditLog.details}::text ilike ${like}`));
  }
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 50);
}

export async function listAuditActions(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/** A pseudonym for a deleted account's address: random, so it cannot be traced back to the address. */
export const newAuditPseudonym = () => `deleted-${randomBytes(6).toString("hex")}`;

/**
 * Replaces `email` by `pseudonym` in every audit entry that holds it (actor, subject, details; any
 * case). Call it in the deletion's transaction, after the account is gone: the database refuses it
 * for an address that still belongs to an account.
 */
export async function pseudonymiseAuditEmail(tx: Executor, email: string, pseudonym: string): Promise<number> {
  const address = email.toLowerCase();
  await tx.execute(sql`select set_config('amg.pseudonymise_email', ${address}, true), set_config('amg.pseudonym', ${pseudonym}, true)`);
  const replaced = (value: unknown) => sql`audit_log_pseudonymised(${value}, ${address}, ${pseudonym})`;
  const changed = await tx
    .update(auditLog)
    .set({
      actorEmail: replaced(auditLog.actorEmail),
      subjectId: replaced(auditLog.subjectId),
      details: sql`${replaced(sql`${auditLog.details}::text`)}::jsonb`,
    })
    .where(sql`strpos(lower(concat_ws(' ', ${auditLog.actorEmail}, ${auditLog.subjectId}, ${auditLog.details}::text)), ${address}) > 0`)
    .returning({ id: auditLog.id });
  await tx.execute(sql`select set_config('amg.pseudonymise_email', '', true), set_config('amg.pseudonym', '', true)`);
  return changed.length;
}
