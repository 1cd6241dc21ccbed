// Staff console figures (issue: accounts and console). Prints a table:
//  - p50/p99 of each console page with 100,000 subscribers and 10,000 contact messages, on
//    PGlite and on the PostgreSQL server (when reachable); target p99 < 100 ms;
//  - what the session + CSRF + role check adds to a page: /about rendered (page cache off)
//    anonymously vs with a session cookie, alternated, one request at a time; target < 2 ms at p99.
// Run: npm run bench:console   (BENCH_SECONDS=5 by default per page; 10 connections)
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import type { DatabaseHandle } from "~/db/client.server";
import { seedStarterContent } from "~/domains/site/seed-starter-content.server";
import { startAppServer } from "~/tests/helpers/app-server";
import { fillConsoleData } from "./fill-console-data";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
// A volunteer staff of a few people: two at once is a busy moment.
const connections = Number(process.env.BENCH_CONNECTIONS ?? 2);
const counts = { subscribers: Number(process.env.BENCH_SUBSCRIBERS ?? 100_000), messages: Number(process.env.BENCH_MESSAGES ?? 10_000) };
const pages = () => [
  "/admin",
  "/admin/inbox",
  "/admin/inbox?q=number%2099",
  `/admin/inbox/syn-m-${Math.ceil(counts.messages / 2)}`,
  "/admin/subscribers",
  "/admin/subscribers?q=subscriber4242",
  "/admin/subscribers?status=pending",
  "/admin/outbox",
  "/admin/people",
  "/admin/audit",
  "/admin/settings",
];

type Row = { engine: string; what: string; p50: number; p99: number; rps: number; target: string; ok: boolean };
const rows: Row[] = [];

async function measure(url: string, cookie?: string) {
  const result = await autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

async function prepare(handle: DatabaseHandle) {
  await migrateDatabase(handle);
  await seedStarterContent(handle.db);
  const sessions = await fillConsoleData(handle, counts);
  await handle.close();
  return sessions;
}

async function suite(engine: string, env: Record<string, string>, sessions: { adminSession: string }) {
  const app = await startAppServer({ ...env }, env.DATA_DIR ? { dataDir: env.DATA_DIR } : {});
  try {
    const cookie = `amg_session=${sessions.adminSession}`;
    for (const page of pages()) {
      await measure(`${app.url}${page}`, cookie).catch(() => undefined); // warm up
      const m = await measure(`${app.url}${page}`, cookie);
      rows.push({ engine, what: `GET ${page}`, ...m, target: "p99 < 100 ms", ok: m.p99 < 100 });
      console.error(`[${engine}] ${page}: p99 ${m.p99} ms`);
    }
  } finally {
    await app.stop();
  }
  // The cost of the session check: the same page, uncached, with and without a session,
  // requests alternated one at a time and timed with a sub-millisecond clock.
  const uncached = await startAppServer({ ...env, PAGE_CACHE: "false" }, env.DATA_DIR ? { dataDir: env.DATA_DIR } : {});
  try {
    const url = `${uncached.url}/about`;
    const cookie = `amg_session=${sessions.adminSession}`;
    const anonymous: number[] = [];
    const signedIn: number[] = [];
    for (let i = 0; i < 200; i++) await timedGet(url); // warm up
    for (let i = 0; i < samples; i++) {
      anonymous.push(await timedGet(url));
      signedIn.push(await timedGet(url, cookie));
    }
    const a = summary(anonymous);
    const b = summary(signedIn);
    rows.push({ engine, what: `GET /about anonymous (no cache, ${samples} sequential)`, ...a, rps: 0, target: "", ok: true });
    rows.push({ engine, what: `GET /about with a session (no cache, ${samples} sequential)`, ...b, rps: 0, target: "", ok: true });
    rows.push({ engine, what: "added by session + CSRF + role check", p50: b.p50 - a.p50, p99: b.p99 - a.p99, rps: 0, target: "p99 < 2 ms", ok: b.p99 - a.p99 < 2 });
  } finally {
    await uncached.stop();
  }
}

const samples = Number(process.env.BENCH_SAMPLES ?? 2000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function timedGet(url: string, cookie?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { agent, headers: cookie ? { cookie } : {} }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${url}: ${res.statusCode}`))));
    });
    req.on("error", reject);
  });
}

function summary(values: number[]) {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "amg-bench-console-"));
  try {
    console.error(`filling PGlite with ${counts.subscribers} subscribers and ${counts.messages} messages…`);
    const sessions = await prepare(await openDatabase({ kind: "pglite", dataDir }));
    await suite("PGlite", { DATA_DIR: dataDir }, sessions);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `amg_bench_console_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch {
    rows.push({ engine: "PostgreSQL", what: `skipped: ${server} unreachable`, p50: 0, p99: 0, rps: 0, target: "", ok: true });
    return;
  }
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    console.error(`filling PostgreSQL…`);
    const sessions = await prepare(await openDatabase({ kind: "postgres", connectionString: url.toString() }));
    await suite("PostgreSQL", { DATABASE_URL: url.toString() }, sessions);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
console.log(
  `\nStaff console with ${counts.subscribers.toLocaleString("en-US")} subscribers and ${counts.messages.toLocaleString("en-US")} contact messages; ${connections} connections × ${seconds} s per row.\n`,
);
console.log("| engine | request | p50 ms | p99 ms | req/s | target | met |");
console.log("|---|---|---:|---:|---:|---|---|");
for (const r of rows)
  console.log(`| ${r.engine} | ${r.what} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps ? Math.round(r.rps) : ""} | ${r.target} | ${r.target ? (r.ok ? "yes" : "NO") : ""} |`);
console.log(`\nMachine: ${os.cpus().length} cores, Node ${process.version}.`);
