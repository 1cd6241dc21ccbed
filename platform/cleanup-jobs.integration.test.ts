// The scheduled clean-up jobs: each retention rule, and that the process running the workers puts
// every clean-up on its schedule. Rows are made as the app makes them, times from a test clock.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~/db/client.server";
import { campaigns, memberImports, pendingApplicationChanges, pendingCampaignActions, rateLimitHits, sessions, signInRequests } from "~/db/schema/index";
import { accountsJobSpecs } from "~/domains/accounts/job-specs";
import { accountsWorkers } from "~/domains/accounts/jobs.server";
import { ensurePersonWithRole, findPersonByEmail } from "~/domains/accounts/people.server";
import { pruneExpiredSignIns } from "~/domains/accounts/prune-sign-ins.server";
import { createSession, endSessionByToken } from "~/domains/accounts/sessions.server";
import { hashToken } from "./tokens";
import { createMemberImport } from "~/domains/membership/import-members.server";
import { membershipJobSpecs } from "~/domains/membership/job-specs";
import { membershipWorkers } from "~/domains/membership/jobs.server";
import { pruneAbandonedImports, pruneHeldApplicationChanges } from "~/domains/membership/prune-imports.server";
import { advocacyJobSpecs } from "~/domains/advocacy/job-specs";
import { advocacyWorkers } from "~/domains/advocacy/jobs.server";
import { pruneHeldActions } from "~/domains/advocacy/campaigns/prune-held-actions.server";
import { testEngines } from "~/tests/helpers/test-db";
import { pruneRateLimitsJob } from "./job-specs";
import { createLogger } from "./logger";
import { startQueue } from "./queue.server";
import { hitRateLimit, pruneRateLimits } from "./rate-limit.server";

const day = 86_400_000;
const t0 = new Date("2026-11-01T12:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * day);

describe.each(testEngines())("clean-up jobs on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(async () => handle?.close());

  it("deletes sessions a week after they expired or were ended, and sign-in requests a day after they expired", async () => {
    const db = handle.db;
    await ensurePersonWithRole(db, "kept@example.org", "member", null);
    const person = (await findPersonByEmail(db, "kept@example.org"))!;
    const live = await createSession(db, { personId: person.id, ip: null, userAgent: null, now: at(0) });
    const ended = await createSession(db, { personId: person.id, ip: null, userAgent: null, now: at(0) });
    await endSessionByToken(db, ended.token, at(1));
    const expiring = await createSession(db, { personId: person.id, ip: null, userAgent: null, now: at(0) });
    await db
      .update(sessions)
      .set({ expiresAt: at(2) })
      .where(eq(sessions.tokenHash, hashToken(expiring.token)));
    await db.insert(signInRequests).values([
      { email: "kept@example.org", tokenHash: "old", codeHash: "x", browserHash: "b", expiresAt: at(0), createdAt: at(0) },
      { email: "kept@example.org", tokenHash: "new", codeHash: "x", browserHash: "b", expiresAt: at(8), createdAt: at(8) },
    ]);

    expect(await pruneExpiredSignIns(db, at(7))).toEqual({ sessions: 0, signInRequests: 1 }); // ended 6 days ago: kept
    expect(await pruneExpiredSignIns(db, at(8.5))).toEqual({ sessions: 1, signInRequests: 0 }); // ended 7.5 days ago: gone
    expect(await pruneExpiredSignIns(db, at(9.5))).toEqual({ sessions: 1, signInRequests: 1 }); // expired 7.5 days ago; the request a day and a half ago
    const left = await db.select({ expiresAt: sessions.expiresAt }).from(sessions);
    expect(left).toEqual([{ expiresAt: live.expiresAt }]);
  });

  it("deletes rate-limit counters of windows that ended more than a day ago", async () => {
    const rule = { name: "test:cleanup", limit: 5, windowSeconds: 600 };
    await hitRateLimit(handle.db, rule, "203.0.113.9", at(0));
    await hitRateLimit(handle.db, rule, "203.0.113.9", at(3));
    await pruneRateLimits(handle.db, at(3));
    const [{ n }] = await handle.db.select({ n: count() }).from(rateLimitHits);
    expect(n).toBe(1);
  });

  it("cancels an import that was checked but not started within a week, and drops its file", async () => {
    const id = await createMemberImport(handle.db, { fileName: "members.csv", csv: "email\nx@example.org\n", createdBy: "staff@example.org", now: at(0) });
    await handle.db
      .update(memberImports)
      .set({ status: "checked", updatedAt: at(0) })
      .where(eq(memberImports.publicId, id));
    expect(await pruneAbandonedImports(handle.db, at(6))).toBe(0);
    expect(await pruneAbandonedImports(handle.db, at(7.5))).toBe(1);
    const [row] = await handle.db.select().from(memberImports).where(eq(memberImports.publicId, id));
    expect(row.status).toBe("cancelled");
    expect(row.csv).toBeNull();
    expect(row.failure).toContain("Not started within 7 days");
  });

  it("deletes held letters a day after their link expired, and confirmed ones after 30 days", async () => {
    const db = handle.db;
    const [campaign] = await db
      .insert(campaigns)
      .values({ slug: "cleanup-test", kind: "legislator-letter", title: "Test", addressee: "Congress", summary: "", letterMarkdown: "" })
      .returning({ id: campaigns.id });
    const held = (publicId: string, expires: Date, confirmed: Date | null) => ({
      publicId,
      campaignId: campaign.id,
      email: "w@example.org",
      name: "W",
      street: "1 Main St",
      city: "Syracuse",
      state: "NY",
      zip: "13202",
      letters: [],
      confirmExpiresAt: expires,
      confirmedAt: confirmed,
      createdAt: at(0),
    });
    await db.insert(pendingCampaignActions).values([held("never-opened", at(3), null), held("opened", at(3), at(1)), held("still-open", at(10), null)]);
    expect(await pruneHeldActions(db, at(3.5))).toBe(0);
    expect(await pruneHeldActions(db, at(4.5))).toBe(1);
    expect(await pruneHeldActions(db, at(31.5))).toBe(2);
  });

  it("deletes held application answers a day after their link expired", async () => {
    await handle.db.insert(pendingApplicationChanges).values({ email: "a@example.org", input: {}, tokenHash: "held-answers", expiresAt: at(3), createdAt: at(0) });
    expect(await pruneHeldApplicationChanges(handle.db, at(3.5))).toBe(0);
    expect(await pruneHeldApplicationChanges(handle.db, at(4.5))).toBe(1);
  });

  it("puts every clean-up job on its schedule where the workers run", async () => {
    const log = createLogger("silent");
    const specs = [...accountsJobSpecs, ...advocacyJobSpecs, ...membershipJobSpecs, pruneRateLimitsJob];
    const queue = await startQueue(handle, specs, log, { supervise: false, schedule: false });
    try {
      const deps = { db: handle.db, log, clock: () => t0 };
      await queue.work(
        [
          ...accountsWorkers(deps),
          ...advocacyWorkers({ ...deps, jobs: queue, appUrl: "http://amg.test", secretKey: Buffer.alloc(32) }),
          ...membershipWorkers(deps),
          { spec: pruneRateLimitsJob, handle: async () => {} },
        ],
        { pollingIntervalSeconds: 5 },
      );
      const scheduled = (await queue.boss.getSchedules()).map((s) => [s.name, s.cron]).sort();
      expect(scheduled).toEqual([
        ["accounts.prune-sign-ins", "7 * * * *"],
        ["advocacy.prune-held-actions", "27 * * * *"],
        ["advocacy.remind-prepared-letters", "17 * * * *"],
        ["membership.prune-imports", "17 3 * * *"],
        ["platform.prune-rate-limits", "37 * * * *"],
      ]);
    } finally {
      await queue.stop();
    }
  });
});
