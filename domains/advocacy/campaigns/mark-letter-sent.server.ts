// The writer says they sent a prepared letter (through the office's form, or by phone), or takes
// that back. Only for a browser that proved the address (the writer's session or the page's signed
// link, checked by the caller with canSeeLetters); a letter e-mailed by AMG cannot be marked.
import { and, eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actionMessages } from "~/db/schema/index";
import { hitRateLimit } from "~/platform/rate-limit.server";
import type { RateLimitRule } from "~/platform/rate-limit.server";

export const markSentLimit = { name: "act:mark-sent", limit: 30, windowSeconds: 600 } satisfies RateLimitRule;

export type MarkSentOutcome = { ok: true } | { ok: false; reason: "not-found" } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export async function markLetterSent(p: { db: Executor; now: Date; ip: string | null; actionId: number; messageId: number; via: "form" | "phone" | "undo" }): Promise<MarkSentOutcome> {
  const limited = await hitRateLimit(p.db, markSentLimit, p.ip ?? "unknown", p.now);
  if (!limited.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limited.retryAfterSeconds };
  const report = p.via === "undo" ? { reportedSentAt: null, reportedVia: null } : { reportedSentAt: p.now, reportedVia: p.via };
  const rows = await p.db
    .update(actionMessages)
    .set(report)
    .where(and(eq(actionMessages.id, p.messageId), eq(actionMessages.actionId, p.actionId), eq(actionMessages.delivery, "prepared")))
    .returning({ id: actionMessages.id });
  return rows.length ? { ok: true } : { ok: false, reason: "not-found" };
}
