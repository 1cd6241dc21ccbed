// Bounce and complaint reports from a mail provider (POST /api/mail-events) and staff's CSV of
// addresses to suppress. The webhook's JSON is a generic one, close to listmonk's:
//   { "email": "a@b.org", "type": "hard" | "soft" | "complaint", "source": "ses",
//     "message_id": "<newsletter-12.345@amg.example.org>", "meta": { … } }
// or an array of those (at most 1,000). The Message-ID (ours, stable per recipient) ties a report
// to its newsletter; without it the report still suppresses the address.
import { timingSafeEqual } from "node:crypto";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Executor } from "~/db/client.server";
import { emailAddressSchema } from "~/platform/text-fields";
import { parseMessageId } from "./send-engine.server";
import { recordBounce, suppressAddress } from "./suppressions.server";

const reportSchema = z.object({
  email: emailAddressSchema,
  type: z.enum(["hard", "soft", "complaint"]),
  source: z.string().trim().max(100).default("webhook"),
  message_id: z.string().trim().max(300).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export const mailEventsBodySchema = z.union([reportSchema, z.array(reportSchema).min(1).max(1000)]);

/** Constant-time comparison of the shared secret (Authorization: Bearer …). */
export function isWebhookSecret(expected: string | undefined, given: string | null): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given.replace(/^Bearer\s+/i, ""));
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function recordMailEvents(db: Executor, body: unknown, now: Date): Promise<{ ok: true; recorded: number; suppressed: number } | { ok: false; issues: string[] }> {
  const parsed = mailEventsBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join(".") || "body"}: ${i.message}`) };
  const reports = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  let suppressed = 0;
  for (const r of reports) {
    const ids = r.message_id ? parseMessageId(r.message_id) : null;
    const detail = r.meta ? JSON.stringify(r.meta).slice(0, 500) : null;
    const outcome = await recordBounce(db, { email: r.email, type: r.type, newsletterId: ids?.newsletterId ?? null, source: `webhook: ${r.source}`, detail }, now);
    if (outcome.suppressed) suppressed++;
  }
  return { ok: true, recorded: reports.length, suppressed };
}

const csvReasons = { "hard-bounce": "hard-bounce", bounce: "hard-bounce", complaint: "complaint", unsubscribe: "unsubscribe", manual: "manual" } as const;

/** A CSV of addresses (column `email`, optional `reason`): each is suppressed; returns counts and the rows it could not read. */
export async function importSuppressions(db: Executor, csv: string, source: string): Promise<{ added: number; already: number; problems: string[] }> {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (error) {
    return { added: 0, already: 0, problems: [`The file is not a CSV we can read: ${(error as Error).message}`] };
  }
  let added = 0;
  let already = 0;
  const problems: string[] = [];
  for (const [i, record] of records.slice(0, 100_000).entries()) {
    const email = emailAddressSchema.safeParse(record.email ?? "");
    if (!email.success) {
      if (problems.length < 20) problems.push(`Row ${i + 2}: “${(record.email ?? "").slice(0, 80)}” is not an e-mail address.`);
      continue;
    }
    const reason = csvReasons[(record.reason ?? "manual").toLowerCase() as keyof typeof csvReasons] ?? "manual";
    if (await suppressAddress(db, { email: email.data, reason, source })) added++;
    else already++;
  }
  return { added, already, problems };
}
