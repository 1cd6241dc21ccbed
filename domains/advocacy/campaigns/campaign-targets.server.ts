// Who a person writes to in a legislator-letter campaign: from their ZIP lookup and their choices
// (the House district of a split ZIP; their state senator and representative from the state's list),
// the campaign's targets resolved to offices with their contact details, and what is still to choose.
import type { Executor } from "~/db/client.server";
import type { TargetKind } from "./campaign-rules";
import type { DistrictCandidate, Legislator, ZipLookup } from "~/domains/advocacy/legislators/legislator-lookup";
import { listStateLegislators } from "~/domains/advocacy/legislators/state-legislators.server";
import type { StateDistrictResolver } from "~/domains/advocacy/legislators/state-district-resolver";
import { pickFromListResolver } from "~/domains/advocacy/legislators/state-district-resolver";
import { stateNames } from "~/domains/advocacy/legislators/states";

export type CampaignTarget = {
  /** Bioguide id for Congress, Open States id for a state legislator. */
  key: string;
  kind: TargetKind;
  title: string;
  name: string;
  party: string;
  state: string;
  /** "NY-22", "Alaska at-large", "New York" for a senator, "Senate district 5". */
  district: string;
  email: string | null;
  phone: string | null;
  contactForm: string | null;
  website: string | null;
  isSupporter: boolean;
};

export type TargetChoice = { district: string; upperId: string; lowerId: string };

type StateLegislatorRow = Awaited<ReturnType<typeof listStateLegislators>>[number];
export type ChamberList = {
  field: "upperId" | "lowerId";
  label: string;
  options: { id: string; label: string }[];
  chosen: string | null;
};

export type TargetPlan = {
  state: string | null;
  stateName: string | null;
  /** The House districts the person may be in: more than one for a split ZIP. */
  districtOptions: DistrictCandidate[];
  chosenDistrict: string | null;
  chamberLists: ChamberList[];
  legislatureWebsite: string | null;
  targets: CampaignTarget[];
  /** What is still to choose, by form field, in plain words. */
  missing: Record<string, string>;
};

const lowerTitle: Record<string, string> = {
  CA: "Assembly Member",
  NV: "Assembly Member",
  NY: "Assembly Member",
  WI: "Representative",
  NJ: "Assembly Member",
  MD: "Delegate",
  VA: "Delegate",
  WV: "Delegate",
};

function stateTitle(state: string, chamber: StateLegislatorRow["chamber"]): string {
  if (state === "DC") return "Councilmember";
  if (chamber === "lower") return lowerTitle[state] ?? "Representative";
  return "Senator";
}

function fromCongress(l: Legislator, kind: TargetKind, district: string, supporters: Set<string>): CampaignTarget {
  return {
    key: l.id,
    kind,
    title: l.title,
    name: l.name,
    party: l.party,
    state: l.state,
    district,
    email: null,
    phone: l.phone,
    contactForm: l.contactForm,
    website: l.website,
    isSupporter: supporters.has(l.id),
  };
}

function fromState(l: StateLegislatorRow, kind: TargetKind, supporters: Set<string>): CampaignTarget {
  const house = l.chamber === "upper" ? "Senate" : l.chamber === "lower" ? "House" : "Legislature";
  return {
    key: l.id,
    kind,
    title: stateTitle(l.state, l.chamber),
    name: l.name,
    party: l.party,
    state: l.state,
    district: `${stateNames[l.state] ?? l.state} ${house} district ${l.district}`,
    email: l.email,
    phone: l.capitolPhone ?? l.districtPhone,
    contactForm: null,
    website: l.website,
    isSupporter: supporters.has(l.id),
  };
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

export async function planTargets(p: {
  db: Executor;
  campaign: { targets: string[] };
  lookup: Extract<ZipLookup, { ok: true }>;
  choice: TargetChoice;
  supporters: Set<string>;
  resolver?: StateDistrictResolver;
}): Promise<TargetPlan> {
  const { lookup, choice, supporters } = p;
  const targets = new Set(p.campaign.targets);
  const missing: Record<string, string> = {};
  const chosen = lookup.districts.find((d) => d.key === choice.district) ?? (lookup.districts.length === 1 ? lookup.districts[0] : null);
  const state = chosen?.state ?? (lookup.states.length === 1 ? lookup.states[0].code : null);
  const plan: TargetPlan = {
    state,
    stateName: state ? (stateNames[state] ?? state) : null,
    districtOptions: lookup.districts,
    chosenDistrict: chosen?.key ?? null,
    chamberLists: [],
    legislatureWebsite: null,
    targets: [],
    missing,
  };

  const needsDistrict = targets.has("us-house") || !state;
  if (needsDistrict && !chosen) missing.district = "Please choose your congressional district: your ZIP code spans more than one.";
  if (!state) return plan;

  if (targets.has("us-senate")) for (const s of lookup.senators.filter((s) => s.state === state)) plan.targets.push(fromCongress(s, "us-senate", plan.stateName!, supporters));
  if (targets.has("us-house") && chosen?.representative) plan.targets.push(fromCongress(chosen.representative, "us-house", chosen.label, supporters));

  const wantsUpper = targets.has("state-upper");
  const wantsLower = targets.has("state-lower");
  if (!wantsUpper && !wantsLower) return plan;
  const rows = await listStateLegislators(p.db, state);
  plan.legislatureWebsite = legislatureWebsite(rows);
  const resolved = await (p.resolver ?? pickFromListResolver).resolve({ state, zip: lookup.zip });
  const chambers: { field: "upperId" | "lowerId"; kind: TargetKind; chamber: StateLegislatorRow["chamber"]; label: string; resolvedDistrict?: string }[] = [];
  if (rows.some((r) => r.chamber === "legislature")) {
    // Unicameral (Nebraska) or a council (DC): one list, one target.
    chambers.push({
      field: "upperId",
      kind: wantsUpper ? "state-upper" : "state-lower",
      chamber: "legislature",
      label: state === "DC" ? "Your ward councilmember" : "Your state senator",
      resolvedDistrict: resolved?.upper,
    });
  } else {
    if (wantsUpper) chambers.push({ field: "upperId", kind: "state-upper", chamber: "upper", label: "Your state senator", resolvedDistrict: resolved?.upper });
    if (wantsLower)
      chambers.push({ field: "lowerId", kind: "state-lower", chamber: "lower", label: `Your state ${(lowerTitle[state] ?? "representative").toLowerCase()}`, resolvedDistrict: resolved?.lower });
  }
  for (const c of chambers) {
    const members = rows.filter((r) => r.chamber === c.chamber).sort((a, b) => a.district.localeCompare(b.district, "en", { numeric: true }) || a.name.localeCompare(b.name));
    if (!members.length) continue;
    const picked = members.find((m) => m.id === choice[c.field]) ?? (c.resolvedDistrict ? members.find((m) => m.district === c.resolvedDistrict) : undefined);
    plan.chamberLists.push({
      field: c.field,
      label: c.label,
      options: members.map((m) => ({ id: m.id, label: `District ${m.district}: ${m.name} (${m.party})` })),
      chosen: picked?.id ?? null,
    });
    if (picked) plan.targets.push(fromState(picked, c.kind, supporters));
    else missing[c.field] = `${c.label.replace(/^Your/, "Please choose your")} from the list.`;
  }
  return plan;
}
