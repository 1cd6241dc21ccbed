// Loads the shipped reference files into their tables: all of them into a new database, and
// on a reload only the differences, with a report of added / changed / removed rows.
import { readFileSync } from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { notify } from "~/db/client.server";
import { congressMembers, stateLegislators, zipDistricts, zipStateDistricts } from "~/db/schema/index";
import { appPath } from "~/platform/app-root";
import { parseCongressMembers, parseStateLegislators, parseZipDistricts, parseZipStateDistricts } from "./reference-files";
import type { ZipStateDistrictRow } from "./reference-files";

export const referenceChangedChannel = "amg_reference_changed";

export type ReferenceFiles = { congressMembers: string; zipDistricts: string; stateLegislators: string; zipStateDistricts: string };

export const shippedReferenceFiles = (dir = appPath("data")): ReferenceFiles => ({
  congressMembers: `${dir}/congress-legislators/members.csv`,
  zipDistricts: `${dir}/zip-congressional-district/zcta-cd119.csv`,
  stateLegislators: `${dir}/state-legislators/state-legislators.csv`,
  zipStateDistricts: `${dir}/zip-state-legislative-district/zcta-state-legislative-district.csv`,
});

export type Changes = { added: string[]; changed: string[]; removed: string[] };
export type RowCounts = { added: number; removed: number };
export type ReloadReport = { congressMembers: Changes; stateLegislators: Changes; zipDistricts: RowCounts; zipStateDistricts: RowCounts };

const same = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((k) => (a[k] ?? null) === (b[k] ?? null));

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 2000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Diffs keyed rows against a table and applies inserts, updates and deletes. */
async function sync<R extends Record<string, unknown>>(
  current: R[],
  incoming: R[],
  keyOf: (r: R) => string,
  apply: { insert(rows: R[]): Promise<unknown>; update(row: R): Promise<unknown>; remove(keys: string[]): Promise<unknown> },
): Promise<Changes> {
  const before = new Map(current.map((r) => [keyOf(r), r]));
  const after = new Map(incoming.map((r) => [keyOf(r), r]));
  const added = incoming.filter((r) => !before.has(keyOf(r)));
  const changed = incoming.filter((r) => before.has(keyOf(r)) && !same(r, before.get(keyOf(r))!));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  await insertInBatches(added, apply.insert);
  for (const row of changed) await apply.update(row);
  if (removed.length) await apply.remove(removed);
  return { added: added.map(keyOf), changed: changed.map(keyOf), removed };
}

export async function loadReferenceData(db: Database, files: ReferenceFiles = shippedReferenceFiles()): Promise<ReloadReport> {
  // Parse everything first: a bad file changes nothing.
  const members = parseCongressMembers(readFileSync(files.congressMembers, "utf8"));
  const zips = parseZipDistricts(readFileSync(files.zipDistricts, "utf8"));
  const legislators = parseStateLegislators(readFileSync(files.stateLegislators, "utf8"));
  const zipStates = parseZipStateDistricts(readFileSync(files.zipStateDistricts, "utf8"));
  return db.transaction(async (tx) => {
    const memberColumns = {
      bioguide: congressMembers.bioguide,
      fullName: congressMembers.fullName,
      party: congressMembers.party,
      state: congressMembers.state,
      chamber: congressMembers.chamber,
      district: congressMembers.district,
      stateRank: congressMembers.stateRank,
      phone: congressMembers.phone,
      url: congressMembers.url,
      contactForm: congressMembers.contactForm,
      address: congressMembers.address,
      termEnd: congressMembers.termEnd,
    };
    const memberChanges = await sync(await tx.select(memberColumns).from(congressMembers), members, (m) => m.bioguide, {
      insert: (rows) => tx.insert(congressMembers).values(rows),
      update: (row) =>
        tx
          .update(congressMembers)
          .set({ ...row, loadedAt: new Date() })
          .where(eq(congressMembers.bioguide, row.bioguide)),
      remove: (keys) => tx.delete(congressMembers).where(inArray(congressMembers.bioguide, keys)),
    });
    const legislatorColumns = {
      id: stateLegislators.id,
      name: stateLegislators.name,
      state: stateLegislators.state,
      chamber: stateLegislators.chamber,
      district: stateLegislators.district,
      party: stateLegislators.party,
      email: stateLegislators.email,
      capitolPhone: stateLegislators.capitolPhone,
      districtPhone: stateLegislators.districtPhone,
      website: stateLegislators.website,
    };
    const legislatorChanges = await sync(await tx.select(legislatorColumns).from(stateLegislators), legislators, (l) => l.id, {
      insert: (rows) => tx.insert(stateLegislators).values(rows),
      update: (row) =>
        tx
          .update(stateLegislators)
          .set({ ...row, loadedAt: new Date() })
          .where(eq(stateLegislators.id, row.id)),
      remove: (keys) => tx.delete(stateLegislators).where(inArray(stateLegislators.id, keys)),
    });
    const zipKey = (z: { zcta: string; state: string; district: number }) => `${z.zcta}:${z.state}:${z.district}`;
    const currentZips = await tx.select().from(zipDistricts);
    const zipChanges = await sync(currentZips, zips, zipKey, {
      insert: (rows) => tx.insert(zipDistricts).values(rows),
      update: async () => {},
      remove: async (keys) => {
        for (const key of keys) {
          const [zcta, state, district] = key.split(":");
          await tx.delete(zipDistricts).where(sql`${zipDistricts.zcta} = ${zcta} and ${zipDistricts.state} = ${state} and ${zipDistricts.district} = ${Number(district)}`);
        }
      },
    });
    const zipStateChanges = await syncZipStateDistricts(tx, zipStates);
    await notify(tx, referenceChangedChannel, "legislators");
    return {
      congressMembers: memberChanges,
      stateLegislators: legislatorChanges,
      zipDistricts: { added: zipChanges.added.length, removed: zipChanges.removed.length },
      zipStateDistricts: zipStateChanges,
    };
  });
}

const zipStateKey = (z: ZipStateDistrictRow) => `${z.zcta}\t${z.state}\t${z.chamber}\t${z.district}`;

/** Rows as four parallel arrays, one query parameter each: a 100,000-row batch is one short statement. */
const columnsOf = (rows: ZipStateDistrictRow[]) =>
  sql`unnest(${sql.param(rows.map((r) => r.zcta))}::text[], ${sql.param(rows.map((r) => r.state))}::text[], ${sql.param(rows.map((r) => r.chamber))}::text[], ${sql.param(rows.map((r) => r.district))}::text[])`;

/** The ZIP → state district rows: 100,000 of them, so inserted and removed through unnest() rather than row by row. */
async function syncZipStateDistricts(tx: Executor, incoming: ZipStateDistrictRow[]): Promise<RowCounts> {
  const current = await tx.select().from(zipStateDistricts);
  const before = new Set(current.map(zipStateKey));
  const after = new Set(incoming.map(zipStateKey));
  const added = incoming.filter((r) => !before.has(zipStateKey(r)));
  const removed = current.filter((r) => !after.has(zipStateKey(r)));
  await insertInBatches(added, (rows) => tx.execute(sql`insert into ${zipStateDistricts} (zcta, state, chamber, district) select * from ${columnsOf(rows)}`), 50_000);
  await insertInBatches(
    removed,
    (rows) =>
      tx.execute(
        sql`delete from ${zipStateDistricts} z using ${columnsOf(rows)} as r(zcta, state, chamber, district)
            where z.zcta = r.zcta and z.state = r.state and z.chamber = r.chamber and z.district = r.district`,
      ),
    50_000,
  );
  return { added: added.length, removed: removed.length };
}

/**
 * Loads the shipped files (or `files`) into a database that has none yet (at start); fills the
 * ZIP → state district table alone in a database loaded before it existed; otherwise does nothing.
 */
export async function ensureReferenceData(db: Database, files: ReferenceFiles = shippedReferenceFiles()): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(congressMembers);
  if (row.n === 0) {
    await loadReferenceData(db, files);
    return true;
  }
  const [zipState] = await db.select({ n: sql<number>`count(*)::int` }).from(zipStateDistricts);
  if (zipState.n > 0) return false;
  const rows = parseZipStateDistricts(readFileSync(files.zipStateDistricts, "utf8"));
  await db.transaction(async (tx) => {
    await syncZipStateDistricts(tx, rows);
    await notify(tx, referenceChangedChannel, "legislators");
  });
  return true;
}

export async function readReferenceRows(db: Executor) {
  const [members, zips] = await Promise.all([db.select().from(congressMembers), db.select().from(zipDistricts)]);
  return { members, zips };
}
