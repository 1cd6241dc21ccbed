// Writing and reading the audit log. Writes happen inside the transaction of the change.
import { and, desc, eq, gte, ilike, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.server";
import { containsPattern } from "../../platform/search-pattern";
import { auditLog } from "../../db/schema/index";

export type Actor = { personId: number; email: string; ip: string | null; requestId?: string };

export async function recordAudit(
  tx: Executor,
  actor: Actor | null,
  entry: { action: string; subjectType?: string; subjectId?: string; details?: Record<string, unknown> },
): Promise<void> {
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

export async function countAuditSince(db: Executor, since: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(gte(auditLog.at, since));
  return row.n;
}
