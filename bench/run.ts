// Performance bench of the production build (`npm run bench`). Prints a markdown table:
//  1. `/` throughput and latency under autocannon (50 connections), against a bare Node http
//     server returning the same HTML bytes, measured the same way in the same run;
//  2. cold start on an existing data folder (spawn → first 200 of `/`, median of 3);
//  3. resident memory of the app right after the load;
//  4. 1–3 on PGlite, then on PostgreSQL when the local server is reachable;
//  5. page weight of the home page (brotli HTML + CSS + JS it loads).
// BENCH_SECONDS shortens the load runs (default 10). Only 127.0.0.1 is contacted.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { freePort, startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";

const seconds = Math.max(1, Number(process.env.BENCH_SECONDS ?? 10) || 10);
const connections = 50;
const pgAdminUrl = "postgres://postgres@127.0.0.1:5432/postgres";
const clientDir = path.resolve("build/client");

type Row = { metric: string; value: string; target: string; result: string };
const rows: Row[] = [];
const weightRows: Row[] = [];
const notes: string[] = [];
const row = (metric: string, value: string, target = "—", pass?: boolean, into = rows) => into.push({ metric, value, target, result: pass === undefined ? "—" : pass ? "pass" : "**FAIL**" });

// Everything to undo at the end, newest first.
const cleanups: (() => Promise<void> | void)[] = [];
const children = new Set<ChildProcess>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function killChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A plain GET (no Accept-Encoding unless given, no keep-alive), bounded by a timeout. */
function get(url: string, headers: Record<string, string> = {}, timeoutMs = 5_000): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on("error", reject);
  });
}

const vmRssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
};

type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number; timeouts: number; total: number };

async function load(url: string): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    total: result.requests.total,
  };
}

const rawServerScript = `
const http = require("node:http");
const fs = require("node:fs");
const body = fs.readFileSync(process.env.BODY_FILE);
const type = process.env.CONTENT_TYPE;
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": type, "content-length": body.length });
  res.end(body);
});
server.keepAliveTimeout = 65000;
server.listen(0, "127.0.0.1", () => console.log("RAW_PORT=" + server.address().port));
process.on("SIGTERM", () => process.exit(0));
`;

async function startRawServer(bodyFile: string, contentType: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ["-e", rawServerScript], {
    env: { PATH: process.env.PATH ?? "", BODY_FILE: bodyFile, CONTENT_TYPE: contentType },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const deadline = Date.now() + 10_000;
  let port: string | undefined;
  for (;;) {
    port = /RAW_PORT=(\d+)/.exec(output)?.[1];
    if (port) break;
    if (child.exitCode !== null) throw new Error(`raw server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`raw server did not start:\n${output}`);
    await sleep(20);
  }
  return { url: `http://127.0.0.1:${port}/`, process: child };
}

/** Spawns the app on an existing data folder and times spawn → first 200 of `/` (polled every 20 ms). */
async function coldStart(dataDir: string, env: Record<string, string>): Promise<{ ms: number; startupMs?: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["build/server/index.js"], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, APP_URL: `http://localhost:${port}`, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`app exited during cold start (${child.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`no 200 from / within 60 s:\n${output}`);
      const reply = await get(`http://127.0.0.1:${port}/`, {}, 10_000).catch(() => null);
      if (reply?.status === 200) break;
      await sleep(20);
    }
    const ms = performance.now() - started;
    const rssMb = vmRssMb(child.pid!);
    const startupMs = Number(/"startupMs":\s*(\d+)/.exec(output)?.[1] ?? NaN);
    return { ms, rssMb, startupMs: Number.isFinite(startupMs) ? startupMs : undefined };
  } finally {
    await killChild(child);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function suite(label: string, env: Record<string, string>, rssTargetMb: number, measureWeight: boolean) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "amg-bench-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const tmp = mkdtempSync(path.join(os.tmpdir(), "amg-bench-raw-"));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));

  // The first start creates the database (migrations, starter content, 49,000 rows of legislator
  // reference data); its memory is reported apart. The load runs on a restarted app, as `npm start`
  // on an existing database runs in production.
  console.error(`[${label}] first start (migrations and seed)…`);
  const first: AppServer = await startAppServer(env, { dataDir });
  children.add(first.process);
  await get(`http://127.0.0.1:${first.port}/`);
  const firstStartRss = vmRssMb(first.process.pid!);
  await killChild(first.process);
  console.error(`[${label}] restarting on the existing database…`);
  const app: AppServer = await startAppServer(env, { dataDir });
  children.add(app.process);
  let raw: { url: string; process: ChildProcess } | undefined;
  try {
    const appUrl = `http://127.0.0.1:${app.port}/`;
    // Warm up: fill the page cache and let the JIT see the hot path.
    for (let i = 0; i < 20; i++) await get(appUrl);
    const page = await get(appUrl);
    const idleRss = vmRssMb(app.process.pid!);
    if (page.status !== 200) throw new Error(`GET / answered ${page.status}`);
    if (page.headers["x-page-cache"] !== "HIT") notes.push(`${label}: \`/\` was not served from the page cache after warm-up (x-page-cache: ${page.headers["x-page-cache"] ?? "absent"}).`);
    const contentType = String(page.headers["content-type"] ?? "text/html; charset=utf-8");
    const bodyFile = path.join(tmp, "home.html");
    writeFileSync(bodyFile, page.body);
    raw = await startRawServer(bodyFile, contentType);
    const rawCheck = await get(raw.url);
    if (!rawCheck.body.equals(page.body)) throw new Error("raw server does not return the same bytes");

    if (measureWeight) await pageWeight(appUrl);

    console.error(`[${label}] autocannon app: ${connections} connections, ${seconds} s…`);
    const appLoad = await load(appUrl);
    const rss = vmRssMb(app.process.pid!);
    console.error(`[${label}] autocannon raw node http: ${connections} connections, ${seconds} s…`);
    const rawLoad = await load(raw.url);
    await killChild(raw.process);

    for (const [name, l] of [
      ["app", appLoad],
      ["raw", rawLoad],
    ] as const) {
      if (l.non2xx || l.errors || l.timeouts) notes.push(`${label} ${name}: ${l.non2xx} non-2xx, ${l.errors} errors, ${l.timeouts} timeouts out of ${l.total} requests.`);
    }
    const ratio = appLoad.rps / rawLoad.rps;
    row(`${label}: \`/\` app req/s`, fmt(appLoad.rps));
    row(`${label}: \`/\` app latency p50`, `${fmt(appLoad.p50, 1)} ms`);
    row(`${label}: \`/\` app latency p99`, `${fmt(appLoad.p99, 1)} ms`, "< 50 ms", appLoad.p99 < 50);
    row(`${label}: raw node http req/s (same ${page.body.length} B)`, fmt(rawLoad.rps));
    row(`${label}: raw node http latency p50 / p99`, `${fmt(rawLoad.p50, 1)} / ${fmt(rawLoad.p99, 1)} ms`);
    row(`${label}: app / raw req/s`, fmt(ratio, 2), "≥ 0.5", ratio >= 0.5);
    row(`${label}: RSS after load (restarted app on an existing database)`, `${fmt(rss, 0)} MB (${fmt(idleRss, 0)} MB before load)`, `< ${rssTargetMb} MB`, rss < rssTargetMb);
    row(`${label}: RSS of the first start (migrations, seed, reference data), for reference`, `${fmt(firstStartRss, 0)} MB`);

    console.error(`[${label}] cold starts…`);
    await killChild(app.process);
    const runs: { ms: number; startupMs?: number; rssMb: number }[] = [];
    for (let i = 0; i < 3; i++) runs.push(await coldStart(dataDir, env));
    const med = median(runs.map((r) => r.ms));
    const detail = runs.map((r) => fmt(r.ms)).join(", ");
    row(`${label}: cold start → first 200 of \`/\` (median of 3)`, `${fmt(med)} ms (${detail}; logged startupMs ${runs.map((r) => r.startupMs ?? "?").join(", ")})`, "< 3000 ms", med < 3000);
    row(`${label}: RSS of a restarted app at its first 200 (no load)`, runs.map((r) => `${fmt(r.rssMb, 0)} MB`).join(", "));
  } finally {
    if (raw) await killChild(raw.process);
    await killChild(app.process);
  }
}

/** Brotli size of `/` plus the .br sizes of the scripts, module preloads and stylesheets it references. */
async function pageWeight(appUrl: string) {
  const html = await get(appUrl, { "accept-encoding": "br" });
  let htmlBytes: number;
  if (html.headers["content-encoding"] === "br") htmlBytes = Number(html.headers["content-length"] ?? html.body.length);
  else htmlBytes = brotliCompressSync(html.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const text = (await get(appUrl)).body.toString("utf8");

  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined);
  const css = new Set<string>();
  const js = new Set<string>();
  for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel.includes("modulepreload")) js.add(href);
    else if (rel.includes("stylesheet")) css.add(href);
  }
  for (const [tag] of text.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) js.add(src);
  }

  const sizeOf = async (href: string): Promise<number> => {
    const url = new URL(href, appUrl);
    if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") {
      notes.push(`page weight: skipped external asset ${href}`);
      return 0;
    }
    const file = path.join(clientDir, decodeURIComponent(url.pathname));
    if (file.startsWith(clientDir + path.sep) && existsSync(`${file}.br`)) return statSync(`${file}.br`).size;
    const reply = await get(url.href, { "accept-encoding": "br" });
    if (reply.status !== 200) notes.push(`page weight: ${href} answered ${reply.status}`);
    return reply.body.length;
  };
  let cssBytes = 0;
  for (const href of css) cssBytes += await sizeOf(href);
  let jsBytes = 0;
  for (const href of js) jsBytes += await sizeOf(href);
  const kb = (b: number) => `${fmt(b / 1024, 1)} KB`;
  const total = htmlBytes + cssBytes + jsBytes;
  row("page weight `/`: HTML (br)", kb(htmlBytes), undefined, undefined, weightRows);
  row(`page weight \`/\`: CSS (br, ${css.size} files)`, kb(cssBytes), undefined, undefined, weightRows);
  row(`page weight \`/\`: JS (br, ${js.size} files)`, kb(jsBytes), undefined, undefined, weightRows);
  row("page weight `/`: total", kb(total), "< 100 KB", total < 100 * 1024, weightRows);
}

async function postgresSuite() {
  const admin = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    row("PostgreSQL", `skipped: ${pgAdminUrl} unreachable (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  const name = `amg_bench_${Date.now()}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 3_000 });
      try {
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end().catch(() => {});
      }
    });
  } finally {
    await admin.end().catch(() => {});
  }
  await suite("PostgreSQL", { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` }, 250, false);
}

async function main() {
  await suite("PGlite", {}, 500, true);
  await postgresSuite();
}

async function cleanup() {
  for (const child of children) await killChild(child, 5_000).catch(() => {});
  for (const fn of cleanups.reverse().splice(0)) {
    try {
      await fn();
    } catch (error) {
      console.error("cleanup failed:", error);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error("bench failed:", error);
} finally {
  await cleanup();
}

const esc = (s: string) => s.replace(/\|/g, "\\|");
console.log("");
console.log("| Metric | Value | Target | Result |");
console.log("| --- | --- | --- | --- |");
for (const r of [...rows, ...weightRows]) console.log(`| ${esc(r.metric)} | ${esc(r.value)} | ${r.target} | ${r.result} |`);
console.log("");
console.log(
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ${os.platform()} ${os.release()}; load: ${connections} connections × ${seconds} s per target, autocannon in the bench process.`,
);
for (const note of notes) console.log(`Note: ${note}`);
if (failed) process.exitCode = 1;
