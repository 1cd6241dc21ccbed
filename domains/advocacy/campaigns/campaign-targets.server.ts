// Who a person writes to in a legislator-letter campaign: from their ZIP lookup and their choices
// (the House district of a split ZIP; their state districts from the ZIP table, or their state senator
// and representative from the state's list when the table lacks the ZIP),
// the campaign's targets resolved to offices with their contact details, and what is still to choose.
import type { Executor } from "~/db/client.server";
import type { TargetKind } from "./campaign-rules";
import type { DistrictCandidate, Legislator, ZipLookup } from "~/domains/advocacy/legislators/legislator-lookup";
import { findStateDistrictsByZip, legislatureWebsite, listStateLegislators } from "~/domains/advocacy/legislators/state-legislators.server";
import type { StateDistrictResolver } from "~/domains/advocacy/legislators/state-district-resolver";
import { pickFromListResolver } from "~/domains/advocacy/legislators/state-district-resolver";
import { chamberChoice, chamberName, districtChoiceValue, districtLabel, legislatorFinder, memberLabel, memberTitle, pickedMembers } from "~/domains/advocacy/legislators/state-chambers";
import type { LegislatorFinder } from "~/domains/advocacy/legislators/state-chambers";
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

/** One state chamber's part of the form: given from the ZIP, a choice among a split ZIP's districts, or the whole list. */
export type ChamberList = {
  field: "upperId" | "lowerId";
  /** "Your state senator", "Your assembly member". */
  label: string;
  /** As the state names it: "Senate", "Assembly", "House of Delegates". */
  chamberName: string;
  mode: "given" | "choose" | "state";
  /** given: the district's members (none = vacant); choose: one per candidate district; state: every member, in natural order. */
  options: { id: string; label: string; district: string; memberIds: string[]; byEmail: boolean }[];
  /** The district of a given chamber ("48"), else null. */
  district: string | null;
  chosen: string | null;
  /** Where to tell candidate districts apart: the chamber's own "find my legislator" page or the legislature's site. */
  finder: LegislatorFinder | null;
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
  return {
    key: l.id,
    kind,
    title: memberTitle(l.state, l.chamber),
    name: l.name,
    party: l.party,
    state: l.state,
    district: districtLabel(stateNames[l.state] ?? l.state, l.state, l.chamber, l.district),
    email: l.email,
    phone: l.capitolPhone ?? l.districtPhone,
    contactForm: null,
    website: l.website,
    isSupporter: supporters.has(l.id),
  };
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
  // An address lookup first (none by default), then the ZIP table's candidates, then the whole state.
  const resolved = await (p.resolver ?? pickFromListResolver).resolve({ state, zip: lookup.zip });
  const fromZip = await findStateDistrictsByZip(p.db, lookup.zip, state);
  const chambers: { field: "upperId" | "lowerId"; kind: TargetKind; chamber: StateLegislatorRow["chamber"]; zipDistricts: string[] | null; resolvedDistrict?: string }[] = [];
  if (rows.some((r) => r.chamber === "legislature")) {
    // Unicameral (Nebraska, whose seats are "upper" in the ZIP table) or a council (DC): one list, one target.
    chambers.push({ field: "upperId", kind: wantsUpper ? "state-upper" : "state-lower", chamber: "legislature", zipDistricts: fromZip?.upper ?? null, resolvedDistrict: resolved?.upper });
  } else {
    if (wantsUpper) chambers.push({ field: "upperId", kind: "state-upper", chamber: "upper", zipDistricts: fromZip?.upper ?? null, resolvedDistrict: resolved?.upper });
    if (wantsLower) chambers.push({ field: "lowerId", kind: "state-lower", chamber: "lower", zipDistricts: fromZip?.lower ?? null, resolvedDistrict: resolved?.lower });
  }
  for (const c of chambers) {
    const members = rows.filter((r) => r.chamber === c.chamber);
    if (!members.length) continue;
    const choice = chamberChoice(members, c.zipDistricts, c.resolvedDistrict);
    const label = memberLabel(state, c.chamber);
    const list: ChamberList = {
      field: c.field,
      label,
      chamberName: chamberName(state, c.chamber),
      mode: choice.mode,
      options: [],
      district: choice.mode === "given" ? choice.district : null,
      chosen: null,
      finder: legislatorFinder(state, c.chamber, plan.legislatureWebsite),
    };
    const value = p.choice[c.field];
    if (choice.mode === "given") {
      list.options = choice.members.map((m) => ({ id: m.id, label: `${memberTitle(state, c.chamber)} ${m.name} (${m.party})`, district: m.district, memberIds: [m.id], byEmail: m.email !== null }));
    } else if (choice.mode === "choose") {
      list.options = choice.districts.map((d) => ({
        id: districtChoiceValue(d.district),
        label: `District ${d.district}: ${d.members.length ? d.members.map((m) => `${m.name} (${m.party})`).join(" and ") : "this seat is vacant"}`,
        district: d.district,
        memberIds: d.members.map((m) => m.id),
        byEmail: d.members.some((m) => m.email !== null),
      }));
    } else {
      list.options = choice.members.map((m) => ({ id: m.id, label: `District ${m.district}: ${m.name} (${m.party})`, district: m.district, memberIds: [m.id], byEmail: m.email !== null }));
    }
    const picked = pickedMembers(choice, value);
    list.chosen = choice.mode === "given" || picked === null ? null : (list.options.find((o) => o.id === value || (picked.length === 1 && o.memberIds.includes(picked[0].id)))?.id ?? null);
    plan.chamberLists.push(list);
    if (picked) for (const m of picked) plan.targets.push(fromState(m, c.kind, supporters));
    else missing[c.field] = choice.mode === "choose" ? `Please choose your ${list.chamberName} district.` : `${label.replace(/^Your/, "Please choose your")} from the list.`;
  }
  return plan;
}
