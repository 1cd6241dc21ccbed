// Open-letter signatures for staff (issue 11): with 50,000 synthetic signatures on one letter
// (BENCH_SIGNATURES), the console's reads timed on embedded PGlite (in memory) next to a bare
// SELECT count(*) of the same table in the same run, so the figures read against the machine.
// Prints a table: median and worst of BENCH_RUNS runs (default 15; the CSV export 3 runs).
// Run: npx tsx bench/open-letter-signatures.ts
import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import { seedStarterContent } from "~/domains/site/seed-starter-content.server";
import { seedStarterCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { signatureFilterSchema } from "~/domains/advocacy/advocacy.schema";
import {
  deliveryPacket,
  exportSignaturesCsv,
  findOpenLetterForStaff,
  listOpenLettersForStaff,
  listSignatures,
  signatureBreakdown,
} from "~/domains/advocacy/open-letters/open-letter-signatures.server";

const total = Number(process.env.BENCH_SIGNATURES ?? 50_000);
const runs = Number(process.env.BENCH_RUNS ?? 15);

const handle = await openDatabase({ kind: "pglite" });
await migrateDatabase(handle);
await seedStarterContent(handle.db);
await seedStarterCampaigns(handle.db);
const letter = (await findOpenLetterForStaff(handle.db, "aamc"))!;
const fillStarted = performance.now();
// Synthetic signers: 9 in 10 confirmed, a third named, roles and states spread, over 180 days.
await handle.db.execute(sql`
  insert into signatures (campaign_id, email, name, city, zip, state, signer_role, show_name, status, created_at, confirmed_at)
  select ${letter.id}, 'signer' || i || '@example.org', 'Signer ' || i || ' Lopez', 'City ' || (i % 500), lpad((10000 + i % 80000)::text, 5, '0'),
         (array['NY','TX','CA','FL','IL','PA','OH','GA','NC','MI'])[1 + i % 10],
         (array['unmatched-graduate','physician','supporter', null])[1 + i % 4], i % 3 = 0,
         case when i % 10 = 0 then 'pending' else 'confirmed' end,
         now() - (i % 180) * interval '1 day',
         case when i % 10 = 0 then null else now() - (i % 180) * interval '1 day' end
  from generate_series(1, ${total}) as i`);
await handle.db.execute(sql`analyze signatures`);
console.error(`filled ${total.toLocaleString("en-US")} signatures in ${Math.round(performance.now() - fillStarted)} ms`);

const filter = (values: Record<string, string> = {}) => signatureFilterSchema.parse(values);
const cases: [string, () => Promise<unknown>, number][] = [
  ["baseline: select count(*) from signatures", () => handle.db.execute(sql`select count(*) from signatures`), runs],
  ["letters list (counts, latest delivery)", () => listOpenLettersForStaff(handle.db), runs],
  ["signatures, page 1 + total", () => listSignatures(handle.db, letter.id, filter()), runs],
  ["signatures, page 500 + total", () => listSignatures(handle.db, letter.id, filter({ page: "500" })), runs],
  ["signatures, search “signer4242”", () => listSignatures(handle.db, letter.id, filter({ q: "signer4242" })), runs],
  ["signatures, state TX + unmatched + confirmed", () => listSignatures(handle.db, letter.id, filter({ state: "TX", role: "unmatched-graduate", status: "confirmed" })), runs],
  ["breakdown (credential, state, per day)", () => signatureBreakdown(handle.db, letter.id), runs],
  ["packet data (breakdown + named signers)", () => deliveryPacket(handle.db, letter.id), Math.min(runs, 5)],
  [
    "CSV export, every signature",
    async () => {
      let bytes = 0;
      for await (const chunk of exportSignaturesCsv(handle.db, letter.id, filter())) bytes += chunk.length;
      return bytes;
    },
    3,
  ],
];

const rows: { what: string; median: number; worst: number }[] = [];
for (const [what, run, n] of cases) {
  await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  rows.push({ what, median: times[Math.floor(times.length / 2)], worst: times[times.length - 1] });
}
await handle.close();

const baseline = rows[0].median;
console.log(`\nOpen-letter signatures for staff: ${total.toLocaleString("en-US")} signatures on one letter, PGlite in memory\n`);
console.log(`${"what".padEnd(48)} ${"median ms".padStart(10)} ${"worst ms".padStart(10)} ${"× count(*)".padStart(11)}`);
for (const r of rows) console.log(`${r.what.padEnd(48)} ${r.median.toFixed(1).padStart(10)} ${r.worst.toFixed(1).padStart(10)} ${(r.median / baseline).toFixed(1).padStart(11)}`);
