// Exactly once, across processes: worker processes send a newsletter of a few thousand recipients
// to a real SMTP server in this test; one is killed with SIGKILL part-way and started again; two
// run at once. Every recipient must get exactly one message (checked by Message-ID at the sink).
// Needs PostgreSQL (TEST_DATABASE_URL, as CI sets it): PGlite is one process's database and cannot
// be shared by several worker processes, so on PGlite these tests are skipped and say why.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~/db/client.server";
import { createLogger } from "~/platform/logger";
import { startQueue } from "~/platform/queue.server";
import { jobSpecs } from "~/server/platform";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";
import { testEngines } from "~/tests/helpers/test-db";
import { createNewsletter, startNewsletterSend } from "./manage-newsletters.server";

const postgres = testEngines().find((e) => e.name === "postgres");
const recipients = 3000;

function startWorker(env: Record<string, string>, newsletterId: number): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/newsletter-worker.ts", String(newsletterId)], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited };
}

describe.skipIf(!postgres)("newsletter exactly once across worker processes (PostgreSQL)", () => {
  let handle: DatabaseHandle;
  let sink: SmtpSink;
  const secretKey = randomBytes(32);
  let databaseUrl: string;

  beforeAll(async () => {
    handle = await postgres!.open();
    databaseUrl = handle.connectionString!;
    sink = await startSmtpSink({ light: true });
  });
  afterAll(async () => {
    await sink?.close();
    await handle?.close();
  });

  async function prepare(subject: string): Promise<number> {
    const emails = Array.from({ length: recipients }, (_, i) => `p${i}.${subject.replace(/\W/g, "")}@example.org`.toLowerCase());
    const queue = await startQueue(handle, jobSpecs, createLogger("silent"), { supervise: false, schedule: false });
    const { id, publicId } = await createNewsletter({
      db: handle.db,
      actor: null,
      input: { subject, preheader: "", markdown: "Hello", topic: "newsletter", isPrivate: false, audience: { parts: [{ kind: "addresses", emails }] } },
    });
    await startNewsletterSend({ db: handle.db, jobs: queue, appUrl: "https://amg.test", clock: () => new Date(), actor: null, publicId });
    await queue.stop();
    return id;
  }

  const sentCount = async (id: number) =>
    ((await handle.db.execute(sql`select count(*)::int as n from newsletter_recipients where newsletter_id = ${id} and state = 'sent'`)) as unknown as { rows: { n: number }[] }).rows[0].n;

  /** Deliveries per recipient and distinct Message-IDs per recipient, at the sink. */
  function tally(subject: string) {
    const byRecipient = new Map<string, string[]>();
    for (const m of sink.messages.filter((x) => x.subject === subject)) {
      const list = byRecipient.get(m.to[0]) ?? [];
      list.push(m.header("Message-ID") ?? "");
      byRecipient.set(m.to[0], list);
    }
    const duplicates = [...byRecipient.values()].filter((ids) => ids.length > 1).length;
    const distinctIdsPerRecipient = new Set([...byRecipient.values()].map((ids) => new Set(ids).size));
    return { recipients: byRecipient.size, deliveries: [...byRecipient.values()].reduce((s, l) => s + l.length, 0), duplicates, distinctIdsPerRecipient };
  }

  it("a worker killed with SIGKILL part-way and started again: every recipient gets exactly one message", async () => {
    const subject = "Kill test";
    const id = await prepare(subject);
    const env = { DATABASE_URL: databaseUrl, SMTP_URL: sink.url, SECRET_KEY_HEX: secretKey.toString("hex"), LEASE_SECONDS: "3" };
    const first = startWorker({ ...env, WORKER_ID: "first" }, id);
    await expect.poll(() => sentCount(id), { timeout: 60_000, interval: 50 }).toBeGreaterThan(recipients / 4);
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = await sentCount(id);
    expect(atKill).toBeLessThan(recipients);
    const second = startWorker({ ...env, WORKER_ID: "second" }, id);
    expect(await second.exited).toBe(0);
    expect(await sentCount(id)).toBe(recipients);
    const t = tally(subject);
    expect(t.recipients).toBe(recipients);
    expect([...t.distinctIdsPerRecipient]).toEqual([1]);
    // The one window no sender can close (decision 0023): accepted by the server, killed before the
    // row's UPDATE. At most two per lane (one being recorded, one just accepted); in practice none or a few.
    console.info(`kill test: killed after ${atKill} recorded sent; ${t.deliveries} deliveries for ${t.recipients} recipients (${t.duplicates} in the crash window)`);
    expect(t.duplicates).toBeLessThanOrEqual(10); // 5 lanes: one message being recorded and one just accepted, each
    expect(t.deliveries).toBe(recipients + t.duplicates);
  }, 180_000);

  it("two worker processes at once share the list without sending anyone two messages", async () => {
    const subject = "Two workers test";
    const id = await prepare(subject);
    const env = { DATABASE_URL: databaseUrl, SMTP_URL: sink.url, SECRET_KEY_HEX: secretKey.toString("hex"), LEASE_SECONDS: "30" };
    const a = startWorker({ ...env, WORKER_ID: "a" }, id);
    const b = startWorker({ ...env, WORKER_ID: "b" }, id);
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const t = tally(subject);
    expect(t.recipients).toBe(recipients);
    expect(t.deliveries).toBe(recipients);
    const shares = (
      (await handle.db.execute(sql`select claimed_by, count(*)::int as n from newsletter_recipients where newsletter_id = ${id} group by 1`)) as unknown as {
        rows: { claimed_by: string; n: number }[];
      }
    ).rows;
    expect(shares.map((s) => s.claimed_by).sort()).toEqual(["a", "b"]);
  }, 180_000);
});

if (!postgres) {
  describe("newsletter exactly once across worker processes", () => {
    it.skip("needs PostgreSQL: set TEST_DATABASE_URL (as CI does); PGlite cannot be shared by several processes", () => {});
  });
}
