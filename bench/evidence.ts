// The numbers as evidence (issue 16), with 120,000 synthetic members (seed:members' generator, each
// given a congressional district), 30,000 logged match cycles and 500,000 campaign actions. Prints a
// table, on PostgreSQL (database amg_bench_evidence, made afresh) and on PGlite:
//  - /numbers' data: computed afresh (what the first visitor after a change waits for), and served
//    from the five-minute cache (every other visitor; the page cache sits in front of that too);
//    target p99 < 50 ms;
//  - a district page's data (/numbers/ny-1), the same two ways; target p99 < 50 ms;
//  - the staff reports over twelve months (exact, never cached); target < 500 ms on PostgreSQL.
// Run: npm run bench:evidence (BENCH_SKIP_PGLITE=1 or BENCH_SKIP_POSTGRES=1 runs one engine)
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import http from "node:http";
import autocannon from "autocannon";
import pg from "pg";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import type { DatabaseHandle } from "~/db/client.server";
import { seedStarterCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { ensureReferenceData } from "~/domains/advocacy/legislators/load-reference-data.server";
import { placePage } from "~/domains/evidence/place-page.server";
import { forgetPublicNumbers, publicNumbers } from "~/domains/evidence/public-numbers.server";
import { staffReports } from "~/domains/evidence/staff-reports.server";
import { seedSyntheticMembers } from "~/domains/membership/synthetic-members.server";
import { startAppServer } from "~/tests/helpers/app-server";

const members = Number(process.env.BENCH_MEMBERS ?? 120_000);
const actions = Number(process.env.BENCH_ACTIONS ?? 500_000);
const rows: string[] = [];

async function seed(handle: DatabaseHandle) {
  const db = handle.db;
  await migrateDatabase(handle);
  await ensureReferenceData(db);
  await seedStarterCampaigns(db);
  await seedSyntheticMembers(db, members);
  await db.execute(sql`update applications set districts = jsonb_build_array(state || '-' || (1 + id % 12)::text)`);
  await db.execute(sql`insert into people (public_id, email, name) select 'bench-p-' || id, email, name from applications where id % 4 = 0`);
  await db.execute(sql`
    insert into match_cycles (public_id, person_id, year, programmes_applied, interviews, rank_list_submitted, outcome, amount_spent)
    select 'bench-c-' || p.id, p.id, 2020 + p.id % 6, 40 + p.id % 80, p.id % 5, p.id % 3 <> 0,
      (array['matched','unmatched','withdrew','matched-soap','unmatched'])[1 + p.id % 5], 2000 + (p.id * 37) % 12000
    from people p where p.public_id like 'bench-p-%'`);
  const [campaign] = ((await db.execute(sql`select id from campaigns where kind = 'legislator-letter' order by id limit 1`)) as unknown as { rows: { id: number }[] }).rows;
  for (let from = 1; from <= actions; from += 100_000) {
    const to = Math.min(actions, from + 99_999);
    await db.execute(sql`
      insert into campaign_actions (public_id, campaign_id, email, name, street, city, state, zip, district, created_at)
      select 'bench-a-' || g, ${campaign.id}, 'actor' || g || '@synthetic.example', 'Actor ' || g, '1 Main St', 'Town',
        (array['NY','CA','TX','FL','PA','OH','IL','WY'])[1 + g % 8], '10001',
        (array['NY','CA','TX','FL','PA','OH','IL','WY'])[1 + g % 8] || '-' || (1 + g % 12)::text,
        now() - (g % 365) * interval '1 day'
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`analyze`);
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
async function timed(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await work();
    out.push(performance.now() - t);
  }
  return out;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * The pages themselves as readers get them: the built server on this database, /numbers and a district
 * page under 10 connections for BENCH_SECONDS (default 10), next to a bare Node server returning the
 * same bytes (the baseline).
 */
async function pages(databaseUrl: string) {
  const seconds = Math.max(1, Number(process.env.BENCH_SECONDS ?? 10) || 10);
  const app = await startAppServer({ LOG_LEVEL: "warn", DATABASE_URL: databaseUrl, RUN_WORKERS: "false" });
  try {
    for (const path of ["/numbers", "/numbers/ny-1"]) {
      const first = await fetch(`${app.url}${path}`);
      const body = Buffer.from(await first.arrayBuffer());
      const bare = http.createServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
        res.end(body);
      });
      await new Promise<void>((r) => bare.listen(0, "127.0.0.1", () => r()));
      const run = async (url: string) => {
        await autocannon({ url, connections: 10, duration: 2 });
        return autocannon({ url, connections: 10, duration: seconds });
      };
      const appRun = await run(`${app.url}${path}`);
      const bareRun = await run(`http://127.0.0.1:${(bare.address() as { port: number }).port}/`);
      bare.close();
      const ok = appRun.non2xx + appRun.errors === 0;
      rows.push(
        `| PostgreSQL | ${path} page over HTTP, 10 connections, ${seconds} s (baseline: bare Node, same bytes: p99 ${bareRun.latency.p99} ms, ${Math.round(bareRun.requests.average)} req/s) | ${Math.round(appRun.requests.average)} req/s | p99 ${appRun.latency.p99} ms | p99 < 50 ms | ${ok && appRun.latency.p99 < 50 ? "yes" : "no"} |`,
      );
    }
  } finally {
    await app.stop();
  }
}

async function suite(engine: string, handle: DatabaseHandle, staffTarget: number) {
  const db = handle.db;
  const now = new Date();
  const cold = await timed(5, async () => {
    forgetPublicNumbers(db);
    await publicNumbers(db, now);
  });
  rows.push(`| ${engine} | /numbers data, computed afresh (5 runs) | ${ms(pct(cold, 50))} | max ${ms(Math.max(...cold))} | (once per 5 min) | |`);
  const warm = await timed(2000, () => publicNumbers(db, now));
  rows.push(`| ${engine} | /numbers data, cached (2,000 runs) | ${ms(pct(warm, 50))} | p99 ${ms(pct(warm, 99))} | p99 < 50 ms | ${pct(warm, 99) < 50 ? "yes" : "no"} |`);
  let k = 0;
  const placeCold = await timed(5, () => placePage(db, `ny-${1 + (k++ % 12)}`, new Date(now.getTime() + k * 600_000)));
  rows.push(`| ${engine} | district page data, computed afresh (5 districts) | ${ms(pct(placeCold, 50))} | max ${ms(Math.max(...placeCold))} | (once per 5 min) | |`);
  const placeWarm = await timed(2000, () => placePage(db, "ny-1", new Date(now.getTime() + 5 * 600_000)));
  rows.push(`| ${engine} | district page data, cached (2,000 runs) | ${ms(pct(placeWarm, 50))} | p99 ${ms(pct(placeWarm, 99))} | p99 < 50 ms | ${pct(placeWarm, 99) < 50 ? "yes" : "no"} |`);
  const range = { from: new Date(now.getTime() - 365 * 86_400_000), to: now };
  // Baseline: the least any report over these tables can cost, one bare count of the campaign actions.
  const bare = await timed(5, () => db.execute(sql`select count(*) from campaign_actions`));
  rows.push(`| ${engine} | baseline: bare count(*) of the campaign actions (5 runs) | ${ms(pct(bare, 50))} | max ${ms(Math.max(...bare))} | | |`);
  const staff = await timed(5, () => staffReports(db, range));
  rows.push(`| ${engine} | staff reports, 12 months (5 runs) | ${ms(pct(staff, 50))} | max ${ms(Math.max(...staff))} | < ${staffTarget} ms | ${Math.max(...staff) < staffTarget ? "yes" : "no"} |`);
}

const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const admin = new pg.Client({ connectionString: server });
if (
  process.env.BENCH_SKIP_POSTGRES !== "1" &&
  (await admin.connect().then(
    () => true,
    () => false,
  ))
) {
  const name = "amg_bench_evidence";
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", connectionString: url.toString() });
  try {
    console.error(`PostgreSQL: seeding ${members} members and ${actions} actions…`);
    await seed(handle);
    await suite("PostgreSQL", handle, 500);
    await pages(url.toString());
  } finally {
    await handle.close();
    await admin.end();
  }
} else rows.push(`| PostgreSQL | skipped: ${process.env.BENCH_SKIP_POSTGRES === "1" ? "BENCH_SKIP_POSTGRES=1" : "server unreachable"} | | | | |`);

if (process.env.BENCH_SKIP_PGLITE !== "1") {
  const dataDir = mkdtempSync(path.join(tmpdir(), "amg-bench-evidence-"));
  try {
    const handle = await openDatabase({ kind: "pglite", dataDir });
    console.error(`PGlite: seeding ${members} members and ${actions} actions…`);
    await seed(handle);
    await suite("PGlite", handle, 2000);
    await handle.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`\n${members.toLocaleString("en-US")} synthetic members, ${actions.toLocaleString("en-US")} campaign actions.\n`);
console.log("| engine | what | p50 | tail | target | met |\n|---|---|---:|---:|---|---|");
for (const r of rows) console.log(r);
console.log(`\nMachine: ${os.cpus().length} cores, Node ${process.version}. Public pages are also page-cached (5 min) in front of these figures.`);
