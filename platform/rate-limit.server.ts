// Fixed-window rate limits counted in the database, so a limit holds across every web process.
import { eq, lt, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { rateLimitHits } from "~/db/schema/index";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

export const rateLimits = {
  contactPerIp: { name: "contact:ip", limit: 5, windowSeconds: 600 },
  subscribePerIp: { name: "subscribe:ip", limit: 10, windowSeconds: 600 },
  confirmationMailsPerAddress: { name: "subscribe:email", limit: 3, windowSeconds: 3600 },
  signInPerIp: { name: "sign-in:ip", limit: 10, windowSeconds: 900 },
  /** Sign-in e-mails sent to one address (later requests are answered alike but send nothing). */
  signInPerAddress: { name: "sign-in:email", limit: 5, windowSeconds: 900 },
  /** The same, for browsers that signed in as that address before: a flood by others does not reach them. */
  signInPerAddressKnownDevice: { name: "sign-in:email-known-device", limit: 5, windowSeconds: 900 },
  signInCodePerIp: { name: "sign-in-code:ip", limit: 20, windowSeconds: 900 },
  /** Authenticator (or recovery) codes tried for one person, from any IP: the pending sign-in ends at the limit. */
  secondFactorPerPerson: { name: "second-factor:person", limit: 5, windowSeconds: 900 },
  secondFactorPerPersonDaily: { name: "second-factor:person-day", limit: 20, windowSeconds: 86_400 },
  /** Every state-changing request, whatever the form: a ceiling against floods. */
  changesPerIp: { name: "post:ip", limit: 60, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/** Counts one hit against `rule` for `subject` and says whether it is within the limit. */
export async function hitRateLimit(db: Executor, rule: RateLimitRule, subject: string, now: Date): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key: `${rule.name}:${subject}`, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + 1` } })
    .returning({ count: rateLimitHits.count });
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: row.count <= rule.limit, retryAfterSeconds };
}

/**
 * Counts one hit against each (rule, subject) in one statement; the first refused, or allowed.
 * `remaining`: how many more hits the tightest of them allows in its window.
 */
export async function hitRateLimits(db: Executor, hits: [RateLimitRule, string][], now: Date): Promise<RateLimitResult & { rule?: RateLimitRule; remaining: number }> {
  const windows = hits.map(([rule, subject]) => {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    return { rule, key: `${rule.name}:${subject}`, windowStart, retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000) };
  });
  const rows = await db
    .insert(rateLimitHits)
    .values(windows.map((w) => ({ key: w.key, windowStart: w.windowStart, count: 1 })))
    .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + 1` } })
    .returning({ key: rateLimitHits.key, count: rateLimitHits.count });
  const counts = new Map(rows.map((r) => [r.key, r.count]));
  const refused = windows.find((w) => (counts.get(w.key) ?? 0) > w.rule.limit);
  const tightest = windows.reduce((a, w) => (w.rule.limit - (counts.get(w.key) ?? 0) < a.rule.limit - (counts.get(a.key) ?? 0) ? w : a));
  const remaining = Math.max(0, tightest.rule.limit - (counts.get(tightest.key) ?? 0));
  return refused
    ? { allowed: false, retryAfterSeconds: refused.retryAfterSeconds, rule: refused.rule, remaining: 0 }
    : { allowed: true, retryAfterSeconds: remaining === 0 ? tightest.retryAfterSeconds : 0, remaining };
}

/** Forgets every window of `rule` for `subject` (e.g. failed attempts, once the right code came). */
export async function clearRateLimit(db: Executor, rule: RateLimitRule, subject: string): Promise<void> {
  await db.delete(rateLimitHits).where(eq(rateLimitHits.key, `${rule.name}:${subject}`));
}

/** Deletes counters of windows that ended more than a day ago. */
export async function pruneRateLimits(db: Executor, now: Date): Promise<void> {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - 86_400_000)));
}
