// Newsletter send (issue 14): one newsletter to BENCH_RECIPIENTS (default 120,000) synthetic
// subscribers at an SMTP sink on 127.0.0.1 that accepts and discards, on PostgreSQL (database
// amg_bench_newsletter, made afresh), next to a baseline in the same run: nodemailer with the same
// pool size (POOL, default 5) sending the same message in a bare loop with no database. Prints
// messages/s for both and their ratio (target ≥ 0.8), the total time (target < 5 min) and the
// worker's peak memory (target < 300 MB). A second baseline sends the MIME message composed once, as
// the engine does, so the table also shows what the engine's database work costs. Then the same send
// on PGlite (BENCH_PGLITE_RECIPIENTS, default the same number; 0 skips it), in a process of its own
// that holds its database. The machine's load average is printed: other work on it slows every figure.
// Run: npm run bench:newsletter   (BENCH_RECIPIENTS=20000 for a quick look; BENCH_DATABASE_URL: another server)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import { prepareNewsletterBench } from "./newsletter-prepare";

const recipients = Number(process.env.BENCH_RECIPIENTS ?? 120_000);
const pgliteRecipients = Number(process.env.BENCH_PGLITE_RECIPIENTS ?? recipients);
const pool = Number(process.env.POOL ?? 5);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = "amg_bench_newsletter";
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
const loadAtStart = load();

type Child = { lines: AsyncIterableIterator<string>; done: Promise<number | null>; kill: () => void };
function child(args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", "bench/newsletter-processes.ts", ...args], { env: { ...process.env, POOL: String(pool), ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  return { lines, done: new Promise((resolve) => proc.on("exit", resolve)), kill: () => proc.kill("SIGTERM") };
}
const nextJson = async <T>(c: Child): Promise<T> => JSON.parse((await c.lines.next()).value as string) as T;
type Sent = { seconds: number; perSecond: number; peakMb: number; cpuSeconds: number };
type EngineRun = { outcome: string; seconds: number; cpuSeconds: number; peakMb: number; startMb: number };
const count = (n: number) => n.toLocaleString("en-US");
const cpuPerMessage = (cpuSeconds: number, n: number) => `${((cpuSeconds * 1000) / n).toFixed(2)} ms CPU/msg`;

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
const { id, message } = await prepareNewsletterBench(handle, recipients);
const prepareSeconds = (performance.now() - t0) / 1000;
const dir = mkdtempSync(path.join(tmpdir(), "amg-bench-"));
const messageFile = path.join(dir, "message.json");
writeFileSync(messageFile, JSON.stringify(message));

const sink = child(["sink"]);
const { port } = await nextJson<{ port: number }>(sink);
const run = async <T>(args: string[], env: Record<string, string> = {}): Promise<T> => {
  const c = child([...args, String(port)], env);
  const result = await nextJson<T>(c);
  await c.done;
  return result;
};
console.log(`Sink on 127.0.0.1:${port}; ${count(recipients)} recipients written in ${prepareSeconds.toFixed(1)} s (load ${loadAtStart}). Baseline…`);
const baseline = await run<Sent>(["baseline", String(recipients)], { MESSAGE_FILE: messageFile, MODE: "compose" });
console.log(`Baseline: ${baseline.perSecond.toFixed(0)}/s. Baseline with the message composed once…`);
const rawBaseline = await run<Sent>(["baseline", String(recipients)], { MESSAGE_FILE: messageFile, MODE: "raw" });
console.log(`Composed once: ${rawBaseline.perSecond.toFixed(0)}/s. Newsletter worker on PostgreSQL…`);
const worker = await run<EngineRun>(["worker", String(id)], { DATABASE_URL: url.toString() });
const [{ sent }] = (
  (await handle.db.execute(`select count(*) filter (where state = 'sent')::int as sent from newsletter_recipients where newsletter_id = ${id}` as never)) as unknown as { rows: { sent: number }[] }
).rows;
await handle.close();
const loadAfterPostgres = load();

let lite: (EngineRun & { sent: number; prepareSeconds: number }) | null = null;
if (pgliteRecipients > 0) {
  console.log(`Newsletter worker on PGlite (${count(pgliteRecipients)} recipients)…`);
  lite = await run(["pglite", String(pgliteRecipients)]);
}
sink.kill();
const sinkEnd = await nextJson<{ received: number; cpuSeconds: number }>(sink);
rmSync(dir, { recursive: true, force: true });

const perSecond = recipients / worker.seconds;
const rows: [string, string][] = [
  ["Recipients (PostgreSQL)", count(recipients)],
  ["SMTP pool size (all runs)", String(pool)],
  [
    "Baseline: bare nodemailer loop, composing each message",
    `${baseline.perSecond.toFixed(0)} msg/s (${baseline.seconds.toFixed(1)} s; ${cpuPerMessage(baseline.cpuSeconds, recipients)}, ${baseline.peakMb} MB)`,
  ],
  ["Bare loop, message composed once (the engine's way)", `${rawBaseline.perSecond.toFixed(0)} msg/s (${rawBaseline.seconds.toFixed(1)} s; ${cpuPerMessage(rawBaseline.cpuSeconds, recipients)})`],
  [
    "Newsletter engine (PostgreSQL)",
    `${perSecond.toFixed(0)} msg/s (${worker.seconds.toFixed(1)} s; ${cpuPerMessage(worker.cpuSeconds, recipients)}), outcome ${worker.outcome}, ${count(sent)} recorded sent`,
  ],
  ["Ratio engine / baseline (target ≥ 0.8)", (perSecond / baseline.perSecond).toFixed(2)],
  ["Ratio engine / bare loop composed once", (perSecond / rawBaseline.perSecond).toFixed(2)],
  ["Total time of the send (target < 300 s)", `${worker.seconds.toFixed(1)} s`],
  ["Worker peak memory (target < 300 MB)", `${worker.peakMb} MB (${worker.startMb} MB before the send: Node, tsx and the modules)`],
  ["Writing the recipients (one INSERT … SELECT)", `${prepareSeconds.toFixed(1)} s (seeding included)`],
  ...(lite
    ? ([
        [
          `Newsletter engine (PGlite, ${count(pgliteRecipients)})`,
          `${(pgliteRecipients / lite.seconds).toFixed(0)} msg/s (${lite.seconds.toFixed(1)} s; ${cpuPerMessage(lite.cpuSeconds, pgliteRecipients)}, database included), outcome ${lite.outcome}, ${count(lite.sent)} recorded sent`,
        ],
        ["PGlite process peak memory (database included)", `${lite.peakMb} MB (${lite.startMb} MB before the send)`],
      ] as [string, string][])
    : []),
  ["Messages the sink received (all runs)", `${count(sinkEnd.received)} (sink: ${cpuPerMessage(sinkEnd.cpuSeconds, sinkEnd.received)})`],
  ["Load average 1/5/15 min (2 cores): start, after PostgreSQL, end", `${loadAtStart}; ${loadAfterPostgres}; ${load()}`],
];
const w = Math.max(...rows.map(([k]) => k.length));
console.log(`\n${"Figure".padEnd(w)}  Value\n${"-".repeat(w)}  ${"-".repeat(30)}`);
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
process.exit(0);
