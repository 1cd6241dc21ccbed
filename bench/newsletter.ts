// Newsletter send (issue 14): one newsletter to BENCH_RECIPIENTS (default 120,000) synthetic
// subscribers at an SMTP sink on 127.0.0.1 that accepts and discards, on PostgreSQL (database
// amg_bench_newsletter, made afresh), next to a baseline in the same run: nodemailer with the same
// pool size sending the same pre-rendered message in a bare loop. Prints messages/s for both and
// their ratio (target ≥ 0.8), the total time (target < 5 min) and the worker's peak memory (target
// < 300 MB); then the same engine on PGlite (in this process, BENCH_PGLITE_RECIPIENTS, default 20,000).
// Run: npm run bench:newsletter   (BENCH_DATABASE_URL: another PostgreSQL server)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import type { DatabaseHandle } from "~/db/client.server";
import { createNewsletter, renderForPreview, startNewsletterSend } from "~/domains/email/newsletters/manage-newsletters.server";
import { personalise } from "~/domains/email/newsletters/render.server";
import { runNewsletterSend } from "~/domains/email/newsletters/send-engine.server";
import { seedSyntheticSubscribers } from "~/domains/email/newsletters/synthetic-subscribers.server";
import { seedStarterContent } from "~/domains/site/seed-starter-content.server";
import { createLogger } from "~/platform/logger";
import { createMailTransport } from "~/platform/mail-transport.server";
import { startQueue } from "~/platform/queue.server";
import { jobSpecs } from "~/server/platform";

const recipients = Number(process.env.BENCH_RECIPIENTS ?? 120_000);
const pgliteRecipients = Number(process.env.BENCH_PGLITE_RECIPIENTS ?? 20_000);
const pool = Number(process.env.POOL ?? 5);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = "amg_bench_newsletter";
const markdown = `# News from the Alliance\n\n${"Residency positions, state laws and what you can do this month. ".repeat(12)}\n\n- [Read the new report](https://amg.example.org/numbers)\n- [Write to your legislators](https://amg.example.org/act)\n\nThank you for being with us.`;

type Child = { lines: AsyncIterableIterator<string>; done: Promise<number | null>; kill: () => void };
function child(args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", "bench/newsletter-processes.ts", ...args], { env: { ...process.env, POOL: String(pool), ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  return { lines, done: new Promise((resolve) => proc.on("exit", resolve)), kill: () => proc.kill("SIGTERM") };
}
const nextJson = async <T>(c: Child): Promise<T> => JSON.parse((await c.lines.next()).value as string) as T;

async function prepare(handle: DatabaseHandle, n: number): Promise<{ id: number; message: { subject: string; text: string; html: string } }> {
  await seedStarterContent(handle.db);
  await seedSyntheticSubscribers(handle.db, n);
  const queue = await startQueue(handle, jobSpecs, createLogger("silent"), { supervise: false, schedule: false });
  const { id, publicId } = await createNewsletter({
    db: handle.db,
    actor: null,
    input: { subject: "Bench news", preheader: "This month", markdown, topic: "newsletter", isPrivate: false, audience: { parts: [{ kind: "subscribers" }] } },
  });
  const started = await startNewsletterSend({ db: handle.db, jobs: queue, appUrl: "https://amg.example.org", clock: () => new Date(), actor: null, publicId });
  await queue.boss.deleteAllJobs?.().catch(() => {}); // no worker here: the bench's own process sends
  await queue.stop();
  if (started.recipients !== n) throw new Error(`expected ${n} recipients, got ${started.recipients}`);
  const rendered = personalise(
    await renderForPreview(handle.db, { subject: "Bench news", preheader: "This month", markdown, isPrivate: false, publicId }, "https://amg.example.org"),
    "https://amg.example.org/email/unsubscribe/x",
  );
  return { id, message: { subject: "Bench news", ...rendered } };
}

const rows: [string, string][] = [];
const table = () => {
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${"Figure".padEnd(w)}  Value\n${"-".repeat(w)}  ${"-".repeat(30)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
};

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const handle = await openDatabase({ kind: "postgres", connectionString: url.toString() });
await migrateDatabase(handle);
const t0 = performance.now();
const { id, message } = await prepare(handle, recipients);
const prepareSeconds = (performance.now() - t0) / 1000;
const dir = mkdtempSync(path.join(tmpdir(), "amg-bench-"));
const messageFile = path.join(dir, "message.json");
writeFileSync(messageFile, JSON.stringify(message));

const sink = child(["sink"]);
const { port } = await nextJson<{ port: number }>(sink);
console.log(`Sink on 127.0.0.1:${port}; ${recipients.toLocaleString("en-US")} recipients written in ${prepareSeconds.toFixed(1)} s. Baseline…`);
const baselineChild = child(["baseline", String(recipients), String(port)], { MESSAGE_FILE: messageFile });
const baseline = await nextJson<{ seconds: number; perSecond: number; peakMb: number }>(baselineChild);
await baselineChild.done;
console.log(`Baseline: ${baseline.perSecond.toFixed(0)}/s. Newsletter worker…`);
const workerChild = child(["worker", String(id), String(port)], { DATABASE_URL: url.toString() });
const worker = await nextJson<{ outcome: string; seconds: number; peakMb: number }>(workerChild);
await workerChild.done;
const [{ sent }] = (
  (await handle.db.execute(`select count(*) filter (where state = 'sent')::int as sent from newsletter_recipients where newsletter_id = ${id}` as never)) as unknown as {
    rows: { sent: number }[];
  }
).rows;
await handle.close();

// PGlite: the same engine, database and sender in this one process.
console.log(`PGlite (${pgliteRecipients.toLocaleString("en-US")} recipients)…`);
const lite = await openDatabase({ kind: "pglite" });
await migrateDatabase(lite);
const litePrepared = await prepare(lite, pgliteRecipients);
const transport = createMailTransport(`smtp://127.0.0.1:${port}?starttls=off`, { maxConnections: pool, bulk: true })!;
const l0 = performance.now();
const liteOutcome = await runNewsletterSend(
  {
    db: lite.db,
    transport,
    log: createLogger("warn"),
    appUrl: "https://amg.example.org",
    from: "AMG <news@amg.test>",
    unsubscribeMailbox: "office@amg.example.org",
    secretKey: Buffer.alloc(32, 7),
    lanes: pool,
    batchSize: 50,
    deadlineMs: 3_600_000,
  },
  litePrepared.id,
);
const liteSeconds = (performance.now() - l0) / 1000;
transport.close();
await lite.close();
sink.kill();
const { received } = await nextJson<{ received: number }>(sink);
rmSync(dir, { recursive: true, force: true });

const perSecond = recipients / worker.seconds;
rows.push(
  ["Recipients (PostgreSQL)", recipients.toLocaleString("en-US")],
  ["SMTP pool size (both)", String(pool)],
  ["Baseline: bare nodemailer loop", `${baseline.perSecond.toFixed(0)} msg/s (${baseline.seconds.toFixed(1)} s)`],
  ["Newsletter engine (PostgreSQL)", `${perSecond.toFixed(0)} msg/s (${worker.seconds.toFixed(1)} s), outcome ${worker.outcome}, ${sent.toLocaleString("en-US")} recorded sent`],
  ["Ratio engine / baseline (target ≥ 0.8)", (perSecond / baseline.perSecond).toFixed(2)],
  ["Total time of the send (target < 300 s)", `${worker.seconds.toFixed(1)} s`],
  ["Worker peak memory (target < 300 MB)", `${worker.peakMb} MB`],
  ["Writing the recipients (one INSERT … SELECT)", `${prepareSeconds.toFixed(1)} s (seeding included)`],
  [`Newsletter engine (PGlite, ${pgliteRecipients.toLocaleString("en-US")})`, `${(pgliteRecipients / liteSeconds).toFixed(0)} msg/s (${liteSeconds.toFixed(1)} s), outcome ${liteOutcome}`],
  ["Messages the sink received (all runs)", received.toLocaleString("en-US")],
);
table();
process.exit(0);
