// State legislators from the ZIP (issue 11): the reference load with and without the ZIP → state
// district table (a new PGlite database each, as at a first start), a reload that changes nothing,
// and the lookups a campaign page makes. Prints a table.
// Run: npx tsx bench/state-districts.ts
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import { loadReferenceData, shippedReferenceFiles } from "~/domains/advocacy/legislators/load-reference-data.server";
import { parseZipStateDistricts } from "~/domains/advocacy/legislators/reference-files";
import { findStateDistrictsByZip, findStateLegislatorsByZip } from "~/domains/advocacy/legislators/state-legislators.server";

const rows: string[] = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const files = shippedReferenceFiles();
const dir = mkdtempSync(path.join(os.tmpdir(), "amg-bench-"));

async function fresh() {
  const handle = await openDatabase({ kind: "pglite" });
  await migrateDatabase(handle);
  return handle;
}

/** Wall time, and this process's CPU time (PGlite runs in it): on a shared machine the CPU time is the steadier figure. */
let lastCpuMs = 0;
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return [result, performance.now() - started];
}
const withCpu = (ms: number) => `${seconds(ms)} | ${seconds(lastCpuMs)}`;

try {
  // Before: the three files of earlier releases (the new table's file reduced to its header).
  const empty = path.join(dir, "empty.csv");
  writeFileSync(empty, "zcta5,state,chamber,district,in_roster\n");
  const before = await fresh();
  const [, beforeMs] = await timed(() => loadReferenceData(before.db, { ...files, zipStateDistricts: empty }));
  const firstBefore = withCpu(beforeMs);
  const [, beforeReloadMs] = await timed(() => loadReferenceData(before.db, { ...files, zipStateDistricts: empty }));
  await before.close();
  rows.push(`| first load, Congress + ZIP districts + state legislators (before) | ${firstBefore} |`);
  rows.push(`| \`reference:reload\` of unchanged files (before) | ${withCpu(beforeReloadMs)} |`);

  const after = await fresh();
  const [report, afterMs] = await timed(() => loadReferenceData(after.db, files));
  rows.push(`| first load, with ${report.zipStateDistricts.added.toLocaleString("en-US")} ZIP → state district rows (after) | ${withCpu(afterMs)} |`);
  const [, reloadMs] = await timed(() => loadReferenceData(after.db, files));
  rows.push(`| \`reference:reload\` of unchanged files (after) | ${withCpu(reloadMs)} |`);

  const zctas = [...new Set(parseZipStateDistricts(readFileSync(files.zipStateDistricts, "utf8")).map((r) => `${r.zcta}|${r.state}`))];
  const sample = zctas.filter((_, i) => i % Math.floor(zctas.length / 2000) === 0).slice(0, 2000);
  const lookups: [string, (zip: string, state: string) => Promise<unknown>][] = [
    ["ZIP → candidate state districts (one indexed query)", (z, s) => findStateDistrictsByZip(after.db, z, s)],
    ["ZIP → state chambers with their members (the /act finder)", (z, s) => findStateLegislatorsByZip(after.db, z, s)],
  ];
  for (const [label, lookup] of lookups) {
    const times: number[] = [];
    for (const key of sample.slice(0, 100)) await lookup(...(key.split("|") as [string, string])); // warm up
    for (const key of sample) {
      const [, ms] = await timed(() => lookup(...(key.split("|") as [string, string])));
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    rows.push(`| ${label}, ${sample.length.toLocaleString("en-US")} ZIPs: p50 / p99 | ${percentile(times, 0.5).toFixed(2)} ms / ${percentile(times, 0.99).toFixed(2)} ms | |`);
  }
  await after.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log("\n| what (PGlite, in memory) | wall | CPU |\n|---|---:|---:|");
for (const r of rows) console.log(r);
console.log(`\nMachine: ${os.cpus().length} cores (shared), Node ${process.version}.`);
