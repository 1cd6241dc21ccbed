// Letter-action submit figures (issue: advocacy). Prints a table.
// Over HTTP, as a browser sends it: POST /act/residency-shortage-act with a different person, ZIP
// and address each time (so every rate limit is counted but none is hit: TRUST_PROXY and one
// X-Forwarded-For per request), 50 connections for BENCH_SECONDS (default 15) on PGlite and on a
// PostgreSQL server (BENCH_DATABASE_URL, default the local one). Each action validates, looks up
// the ZIP, writes the action and a letter per office (three here), and enqueues the copy e-mail;
// on PGlite the in-process worker drains the mail queue at the same time; on PostgreSQL the web
// process runs without workers, as in production (they run as `npm run worker`).
// Targets (PostgreSQL): ≥ 300 actions/s sustained, p99 < 100 ms. Run: npm run bench:actions
import { readFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { appPath } from "~/platform/app-root";
import { startAppServer } from "~/tests/helpers/app-server";
import { formStampOf } from "~/tests/helpers/http-session";
import { openLoop } from "./open-loop";

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// ZIP codes that lie in one congressional district of a state with senators: three offices each.
const counts = new Map<string, number>();
for (const line of readFileSync(appPath("data/zip-congressional-district/zcta-cd119.csv"), "utf8").split("\n").slice(1)) {
  const [zip, state] = line.split(",");
  if (zip && !["DC", "PR"].includes(state)) counts.set(zip, (counts.get(zip) ?? 0) + 1);
}
const zips = [...counts].filter(([, n]) => n === 1).map(([zip]) => zip);
const sample = zips.filter((_, i) => i % Math.floor(zips.length / 2000) === 0);

const letter = "Please cosponsor the Resident Physician Shortage Reduction Act. Residency positions are the only road to a licence, and there are not enough of them.";
let n = 0;
/** The campaign page's signed time stamp, as a browser sends it back (the time trap needs a real one). */
let stamp = "";
const body = () => {
  n++;
  return new URLSearchParams({
    zip: sample[n % sample.length],
    rendered: stamp,
    letter,
    story: `Story number ${n}: I graduated, passed my exams, and applied ${n % 5} times.`,
    name: `Bench Person ${n}`,
    email: `bench${n}-${Date.now()}@example.org`,
    street: `${n} Main St`,
    city: "Springfield",
  }).toString();
};

const rows: string[] = [];
async function suite(label: string, env: Record<string, string>) {
  const app = await startAppServer({ ...env, TRUST_PROXY: "true" });
  try {
    stamp = await formStampOf(app, "/act/residency-shortage-act?zip=13202");
    const run = (duration: number) =>
      autocannon({
        url: app.url,
        connections: 50,
        duration,
        requests: [
          {
            method: "POST",
            path: "/act/residency-shortage-act",
            setupRequest: ((req: object) => ({
              ...req,
              body: body(),
              headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
            })) as never,
          },
        ],
      });
    await run(2); // warm up: the legislator index, prepared plans, the JIT
    const isPg = label === "PostgreSQL";
    const check = (result: autocannon.Result, what: string) => {
      const failed = result.non2xx - result["3xx"] + result.errors;
      if (failed) rows.push(`| ${label}, ${what}: requests that failed (not a redirect to the sent page; ${result.timeouts} timed out after 10 s) | ${failed} | 0 | NO |`);
      return result["3xx"] / seconds;
    };
    // As many as it takes: 50 connections, each sending again as soon as it is answered.
    const flat = await run(seconds);
    const most = check(flat, "flat out");
    rows.push(
      `| ${label}: most actions per second (50 connections, ${seconds} s) | ${Math.round(most).toLocaleString("en-US")} | ${isPg ? "≥ 300" : "(figure)"} | ${isPg ? (most >= 300 ? "yes" : "NO") : "—"} |`,
    );
    rows.push(`| ${label}: … latency p50 / p97.5 / p99 (queueing behind 50 connections) | ${flat.latency.p50} / ${flat.latency.p97_5} / ${flat.latency.p99} ms | | |`);
    // Sustained: a steady arrival of actions, as a campaign e-mail brings them.
    const rate = isPg ? 300 : 100;
    const steady = await openLoop({
      url: app.url,
      path: "/act/residency-shortage-act",
      rate,
      seconds,
      expectStatus: 302,
      request: () => ({ body: body(), headers: { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } }),
    });
    if (steady.failed) rows.push(`| ${label}, ${rate}/s: requests that failed | ${steady.failed} | 0 | NO |`);
    rows.push(
      `| ${label}: sustained ${rate} actions/s for ${seconds} s, evenly spaced: achieved | ${Math.round(steady.perSecond).toLocaleString("en-US")}/s | ${isPg ? "300/s" : "(figure)"} | ${isPg ? (steady.perSecond >= 295 ? "yes" : "NO") : "—"} |`,
    );
    rows.push(`| ${label}: … latency p50 / p97.5 / p99 | ${steady.p50} / ${steady.p975} / ${steady.p99} ms | ${isPg ? "p99 < 100 ms" : ""} | ${isPg ? (steady.p99 < 100 ? "yes" : "NO") : "—"} |`);
  } finally {
    await app.stop();
  }
}

await suite("PGlite", {});
const name = `amg_bench_actions_${process.pid}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
try {
  const url = new URL(server);
  url.pathname = `/${name}`;
  // Production runs the mail workers in their own processes (npm run worker): the web process
  // here only takes the actions, and enqueues the deliveries in the same transaction.
  await suite("PostgreSQL", { DATABASE_URL: url.toString(), RUN_WORKERS: "false" });
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

console.log("\n| what | measured | target | met |\n|---|---:|---|---|");
for (const r of rows) console.log(r);
console.log(`\nMachine: ${os.cpus().length} cores, Node ${process.version}.`);
