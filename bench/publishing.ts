// Publishing benchmarks (`npm run bench:publishing`). Prints markdown tables:
//  1. a published post page served to an anonymous reader: requests/s and p99 under autocannon
//     (50 connections), next to a bare Node server returning the same bytes in the same run;
//  2. search with 10,000 generated posts (plus the six starter posts): p95 of single words, phrases
//     and misspellings, on PGlite and (when 127.0.0.1:5432 answers) on PostgreSQL in a database of
//     its own, amg_bench_publishing;
//     first as loaded, then after VACUUM (the search indexes are built with fastupdate off, so a
//     fresh load has no pending list to read; the two rows show it);
//  3. the RSS and Atom feeds and the sitemap files with those 10,000 posts: generation time, and
//     the XML parsed back (rss-parser, the sitemap library's parsers) to check it is valid.
// BENCH_SECONDS shortens the load runs (default 10); BENCH_POSTS changes the 10,000. Only
// 127.0.0.1 is contacted.
import http from "node:http";
import os from "node:os";
import { Readable } from "node:stream";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import Parser from "rss-parser";
import { parseSitemap, parseSitemapIndex } from "sitemap";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import type { DatabaseHandle } from "~/db/client.server";
import { renderFeed, renderSitemap, renderSitemapIndex } from "~/domains/publishing/feeds.server";
import { feedPosts, publicAddresses, sitemapFiles, sitemapPosts } from "~/domains/publishing/queries.server";
import { searchSite } from "~/domains/publishing/search.server";
import { startAppServer } from "~/tests/helpers/app-server";
import { fillPosts } from "./publishing-fixture";

const seconds = Math.max(1, Number(process.env.BENCH_SECONDS ?? 10) || 10);
const postCount = Math.max(100, Number(process.env.BENCH_POSTS ?? 10_000) || 10_000);
const connections = 50;
const pgAdminUrl = "postgres://postgres@127.0.0.1:5432/postgres";
const benchDb = "amg_bench_publishing";
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => x.toFixed(1);
const out: string[] = [];

// ---- 1. A post page against a bare server ---------------------------------------------------
async function postPage() {
  const app = await startAppServer({ LOG_LEVEL: "warn" });
  try {
    const url = `${app.url}/news/match-season-checklist`;
    const first = await fetch(url);
    const body = Buffer.from(await first.arrayBuffer());
    const contentType = first.headers.get("content-type") ?? "text/html";
    const bare = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": contentType, "content-length": body.length });
      res.end(body);
    });
    await new Promise<void>((r) => bare.listen(0, "127.0.0.1", () => r()));
    const barePort = (bare.address() as { port: number }).port;
    const run = async (target: string) => {
      await autocannon({ url: target, connections, duration: 2 });
      const r = await autocannon({ url: target, connections, duration: seconds });
      return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
    };
    const appLoad = await run(url);
    const bareLoad = await run(`http://127.0.0.1:${barePort}/`);
    bare.close();
    // A published edit is visible on the very next request: the cache is dropped on NOTIFY.
    out.push(`\n## A published post page (${body.length.toLocaleString("en-US")} bytes), ${connections} connections, ${seconds} s\n`);
    out.push("| server | requests/s | p99 (ms) | errors or non-2xx |", "|---|---:|---:|---:|");
    out.push(`| the app (page cache) | ${Math.round(appLoad.rps).toLocaleString("en-US")} | ${appLoad.p99} | ${appLoad.non2xx} |`);
    out.push(`| bare Node, same bytes | ${Math.round(bareLoad.rps).toLocaleString("en-US")} | ${bareLoad.p99} | ${bareLoad.non2xx} |`);
    out.push(`| ratio app / bare | ${(appLoad.rps / bareLoad.rps).toFixed(2)} (target ≥ 0.8) | p99 target < 20 ms: ${appLoad.p99 < 20 ? "pass" : "**FAIL**"} | |`);
  } finally {
    await app.stop();
  }
}

// ---- 2 and 3. 10,000 posts --------------------------------------------------------------------
const queries: [string, string][] = [
  ["word", "residency"],
  ["word", "mentorship"],
  ["word", "legislators"],
  ["word", "hospitals"],
  ["phrase", '"collaborative practice"'],
  ["phrase", "primary care rural clinics"],
  ["phrase", "Medicare funding for graduates"],
  ["misspelling", "residncy"],
  ["misspelling", "colaborative"],
  ["misspelling", "legislatrs shortage"],
];

async function searchBench(name: string, handle: DatabaseHandle, target: number) {
  const times: Record<string, number[]> = { word: [], phrase: [], misspelling: [] };
  for (const [, q] of queries) await searchSite(handle.db, { q, page: 1 });
  for (let round = 0; round < 20; round++) {
    for (const [kind, q] of queries) {
      const t = performance.now();
      const result = await searchSite(handle.db, { q, page: 1 });
      times[kind]!.push(performance.now() - t);
      if (round === 0 && result.total === 0) out.push(`> ${name}: "${q}" found nothing`);
    }
  }
  const all = Object.values(times).flat();
  out.push(
    `| ${name} | ${ms(percentile(times.word!, 95))} | ${ms(percentile(times.phrase!, 95))} | ${ms(percentile(times.misspelling!, 95))} | ${ms(percentile(all, 95))} | < ${target}: ${percentile(all, 95) < target ? "pass" : "**FAIL**"} |`,
  );
}

async function feedBench(name: string, handle: DatabaseHandle) {
  const siteUrl = "https://amg.example.org";
  const parser = new Parser();
  const time = async <T>(run: () => Promise<T>) => {
    await run();
    const samples: number[] = [];
    let value!: T;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      value = await run();
      samples.push(performance.now() - t);
    }
    return { ms: percentile(samples, 50), value };
  };
  const channel = { siteUrl, organisation: "AMG", title: "News", description: "News", path: "/news", rssPath: "/news/rss.xml", atomPath: "/news/atom.xml" };
  const rss = await time(async () => renderFeed(channel, await feedPosts(handle.db, {}), "rss"));
  const atom = await time(async () => renderFeed(channel, await feedPosts(handle.db, {}), "atom"));
  // sitemap.xml is an index; the posts fill files of 1,000, oldest first. Timed: the index, the
  // last full posts file (the deepest offset) and the file of the other addresses.
  const index = await time(async () => renderSitemapIndex(siteUrl, await sitemapFiles(handle.db)));
  const files = (await parseSitemapIndex(Readable.from([index.value]))).map((f) => new URL(f.url));
  const urlsIn = async (xml: string) => (await parseSitemap(Readable.from([xml]))).length;
  const postPages = files.filter((f) => f.pathname === "/sitemap-posts.xml").length;
  const perFile: number[] = [];
  for (let page = 1; page <= postPages; page++) perFile.push(await urlsIn(await renderSitemap(siteUrl, await sitemapPosts(handle.db, page))));
  const postUrls = perFile.reduce((a, b) => a + b, 0);
  const fullest = Math.max(...perFile);
  const deepestFull = perFile.lastIndexOf(fullest) + 1;
  const postsFile = await time(async () => renderSitemap(siteUrl, await sitemapPosts(handle.db, deepestFull)));
  const others = await time(async () => renderSitemap(siteUrl, await publicAddresses(handle.db)));
  const rssItems = (await parser.parseString(rss.value)).items.length;
  const atomItems = (await parser.parseString(atom.value)).items.length;
  const verdict = (x: number) => (x < 200 ? "pass" : "**FAIL**");
  out.push(`| ${name} | RSS (50 newest, full content) | ${ms(rss.ms)} | ${rssItems} items parsed | ${verdict(rss.ms)} |`);
  out.push(`| ${name} | Atom | ${ms(atom.ms)} | ${atomItems} entries parsed | ${verdict(atom.ms)} |`);
  out.push(`| ${name} | sitemap.xml (the index) | ${ms(index.ms)} | ${files.length} files parsed; their posts' files list ${postUrls.toLocaleString("en-US")} posts | ${verdict(index.ms)} |`);
  out.push(`| ${name} | sitemap-posts.xml?page=${deepestFull} (the last full posts file) | ${ms(postsFile.ms)} | ${fullest.toLocaleString("en-US")} URLs parsed | ${verdict(postsFile.ms)} |`);
  out.push(`| ${name} | sitemap-pages.xml (pages, tags, categories, authors)¹ | ${ms(others.ms)} | ${await urlsIn(others.value)} URLs parsed | ${verdict(others.ms)} |`);
}

async function openPostgres(): Promise<DatabaseHandle | null> {
  const admin = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${benchDb}`);
  await admin.end();
  const handle = await openDatabase({ kind: "postgres", connectionString: `postgres://postgres@127.0.0.1:5432/${benchDb}` });
  await migrateDatabase(handle);
  return handle;
}

const startLoad = os.loadavg()[0]!;
await postPage();
const engines: { name: string; target: number; open: () => Promise<DatabaseHandle | null> }[] = [
  {
    name: "PGlite",
    target: 100,
    open: async () => {
      const handle = await openDatabase({ kind: "pglite" });
      await migrateDatabase(handle);
      return handle;
    },
  },
  { name: "PostgreSQL", target: 30, open: openPostgres },
];
const searchRows: string[] = [];
const feedRows: string[] = [];
for (const engine of engines) {
  const handle = await engine.open();
  if (!handle) {
    out.push(`\n> ${engine.name}: no server at 127.0.0.1:5432, skipped.`);
    continue;
  }
  try {
    const t = performance.now();
    await fillPosts(handle, postCount);
    console.error(`${engine.name}: ${postCount} posts generated in ${Math.round(performance.now() - t)} ms`);
    const before = out.length;
    // The search indexes are built with fastupdate off (migration 0022): new entries go straight into
    // the index, not a pending list every search would read until VACUUM (which PGlite never runs by
    // itself). Searched as loaded and after VACUUM, the two rows should agree.
    await searchBench(`${engine.name}, as loaded`, handle, engine.target);
    await handle.db.execute(sql`vacuum analyze`);
    await searchBench(`${engine.name}, after VACUUM`, handle, engine.target);
    searchRows.push(...out.splice(before));
    await feedBench(engine.name, handle);
    feedRows.push(...out.splice(before));
  } finally {
    await handle.close();
  }
}
out.push(`\n## Search with ${postCount.toLocaleString("en-US")} posts (p95 in ms, 20 rounds of ${queries.length} queries)\n`);
out.push("| database | single words | phrases | misspellings | all | target |", "|---|---:|---:|---:|---:|---|");
out.push(...searchRows);
out.push(`\n## Feeds and sitemap with ${postCount.toLocaleString("en-US")} posts (median of 5, ms; target < 200)\n`);
out.push("| database | document | ms | parsed back | result |", "|---|---|---:|---|---|");
out.push(...feedRows);
out.push("\n¹ The route adds the fixed pages, campaigns, open letters and state pages (advocacy's, not in this database).");
out.push(`\nLoad average (1 min) at the start ${startLoad.toFixed(1)}, at the end ${os.loadavg()[0]!.toFixed(1)}, on ${os.cpus().length} cores.`);
console.log(out.join("\n"));
process.exit(0);
