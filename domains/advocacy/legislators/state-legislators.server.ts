// Reads of the state legislators reference table, with staff corrections applied: a state's list in
// natural order, searchable by name or district, and the candidate districts of a ZIP code.
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { legislatorOverrides, stateLegislators, zipStateDistricts } from "~/db/schema/index";
import { chamberChoice, chamberName, compareDistricts, legislatorFinder, memberTitle } from "./state-chambers";
import type { Chamber, LegislatorFinder } from "./state-chambers";
import { withCorrection } from "./state-legislator-corrections.server";

const chamberOrder = { upper: 0, legislature: 0, lower: 1 } as const;

export async function listStateLegislators(db: Executor, state: string, q?: string) {
  const rows = await db
    .select({ legislator: stateLegislators, fields: legislatorOverrides.fields })
    .from(stateLegislators)
    .leftJoin(legislatorOverrides, eq(legislatorOverrides.legislatorKey, stateLegislators.id))
    .where(eq(stateLegislators.state, state));
  const all = rows
    .map((r) => withCorrection(r.legislator, r.fields))
    .sort((a, b) => chamberOrder[a.chamber] - chamberOrder[b.chamber] || compareDistricts(a.district, b.district) || a.name.localeCompare(b.name));
  return q ? searchStateList(all, q) : all;
}

/** A state's list narrowed to a name (any part, any case) or an exact district. A state has at most a few hundred members. */
export function searchStateList<T extends { name: string; district: string }>(rows: T[], q: string): T[] {
  const needle = q.trim().toLowerCase();
  return rows.filter((r) => r.name.toLowerCase().includes(needle) || r.district.toLowerCase() === needle);
}

export type ZipStateDistricts = { upper: string[]; lower: string[] };

/** The candidate state districts of a ZIP in one state, or null when the ZIP table lacks it. */
export async function findStateDistrictsByZip(db: Executor, zip: string, state: string): Promise<ZipStateDistricts | null> {
  const rows = await db
    .select({ chamber: zipStateDistricts.chamber, district: zipStateDistricts.district })
    .from(zipStateDistricts)
    .where(and(eq(zipStateDistricts.zcta, zip), eq(zipStateDistricts.state, state)));
  if (!rows.length) return null;
  const of = (chamber: "upper" | "lower") =>
    rows
      .filter((r) => r.chamber === chamber)
      .map((r) => r.district)
      .sort(compareDistricts);
  return { upper: of("upper"), lower: of("lower") };
}

export type ZipStateChamber = {
  chamberName: string;
  title: string;
  districts: { district: string; members: { id: string; name: string; party: string; website: string | null }[] }[];
  finder: LegislatorFinder | null;
};

/** For the ZIP finder: a state's chambers with the ZIP's candidate districts and their members; null when the table lacks the ZIP. */
export async function findStateLegislatorsByZip(db: Executor, zip: string, state: string): Promise<ZipStateChamber[] | null> {
  const districts = await findStateDistrictsByZip(db, zip, state);
  if (!districts) return null;
  const candidates = [...new Set([...districts.upper, ...districts.lower])];
  const rows = (
    await db
      .select({ legislator: stateLegislators, fields: legislatorOverrides.fields })
      .from(stateLegislators)
      .leftJoin(legislatorOverrides, eq(legislatorOverrides.legislatorKey, stateLegislators.id))
      .where(and(eq(stateLegislators.state, state), inArray(stateLegislators.district, candidates)))
  ).map((r) => withCorrection(r.legislator, r.fields));
  // The legislature's site as the host of these members' own pages (nearly always the legislature's).
  const site = legislatureWebsite(rows);
  const chambers: Chamber[] = rows.some((r) => r.chamber === "legislature") || state === "NE" ? ["legislature"] : ["upper", "lower"];
  return chambers.flatMap((chamber) => {
    const inChamber = chamber === "lower" ? districts.lower : districts.upper;
    if (!inChamber.length) return [];
    const choice = chamberChoice(
      rows.filter((r) => r.chamber === chamber),
      inChamber,
    );
    const list = choice.mode === "given" ? [{ district: choice.district, members: choice.members }] : choice.mode === "choose" ? choice.districts : [];
    return [
      {
        chamberName: chamberName(state, chamber),
        title: memberTitle(state, chamber),
        districts: list.map((d) => ({ district: d.district, members: d.members.map((m) => ({ id: m.id, name: m.name, party: m.party, website: m.website })) })),
        finder: legislatorFinder(state, chamber, site),
      },
    ];
  });
}

/** The legislature's own website: the host most of its members' pages are on. */
export function legislatureWebsite(rows: { website: string | null }[]): string | null {
  const hosts = new Map<string, number>();
  for (const r of rows) {
    if (!r.website) continue;
    try {
      const origin = new URL(r.website).origin;
      hosts.set(origin, (hosts.get(origin) ?? 0) + 1);
    } catch {
      // a malformed link in the data: skip it
    }
  }
  return [...hosts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
