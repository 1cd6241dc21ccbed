// What each state calls its legislative chambers and their members, where a person finds their own
// legislators on the legislature's site, the natural order of district names, and, from the ZIP
// table's candidate districts, what a person still has to choose. Pure: no database.

export type Chamber = "upper" | "lower" | "legislature";

/** The lower chamber where it is not the "House of Representatives". */
const lowerChamberNames: Record<string, string> = {
  CA: "Assembly",
  NV: "Assembly",
  NJ: "General Assembly",
  NY: "Assembly",
  WI: "Assembly",
  MD: "House of Delegates",
  VA: "House of Delegates",
  WV: "House of Delegates",
};

/** The chamber as the state names it: "Senate", "Assembly", "House of Delegates", "Legislature" (Nebraska), "Council" (DC). */
export function chamberName(state: string, chamber: Chamber): string {
  if (state === "DC") return "Council";
  if (chamber === "legislature") return "Legislature";
  if (chamber === "upper") return "Senate";
  return lowerChamberNames[state] ?? "House of Representatives";
}

/** A member's title: Wisconsin's Assembly members are Representatives; Nebraska's legislators are Senators. */
export function memberTitle(state: string, chamber: Chamber): string {
  if (state === "DC") return "Councilmember";
  if (chamber !== "lower") return "Senator";
  if (state === "MD" || state === "VA" || state === "WV") return "Delegate";
  if (state === "CA" || state === "NV" || state === "NJ" || state === "NY") return "Assembly Member";
  return "Representative";
}

/** "Your state senator", "Your assembly member", "Your delegate", "Your state representative". */
export function memberLabel(state: string, chamber: Chamber): string {
  if (state === "DC") return "Your ward councilmember";
  const title = memberTitle(state, chamber);
  if (title === "Senator" || title === "Representative") return `Your state ${title.toLowerCase()}`;
  return `Your ${title.toLowerCase()}`;
}

/** "New York Assembly district 128", "Nebraska Legislature district 5". */
export function districtLabel(stateName: string, state: string, chamber: Chamber, district: string): string {
  return `${stateName} ${chamberName(state, chamber)} district ${district}`;
}

/**
 * The legislatures' own "find my legislator" pages, only those checked by hand; elsewhere the page
 * links the legislature's site (the host its members' pages are on) and Open States.
 */
const findMyLegislator: Record<string, Partial<Record<Chamber, string>>> = {
  NY: { upper: "https://www.nysenate.gov/find-my-senator", lower: "https://nyassembly.gov/mem/search/" },
  CA: { upper: "https://findyourrep.legislature.ca.gov/", lower: "https://findyourrep.legislature.ca.gov/" },
};

export type LegislatorFinder = { url: string; words: string };

/** Where to tell apart the candidate districts of a chamber: the chamber's own lookup, or the legislature's site. */
export function legislatorFinder(state: string, chamber: Chamber, legislatureSite: string | null): LegislatorFinder | null {
  const own = findMyLegislator[state]?.[chamber];
  const name = chamberName(state, chamber);
  if (own) return { url: own, words: chamber === "legislature" ? "the legislature's “find my legislator” page" : `the ${name}'s “find my legislator” page` };
  if (legislatureSite) return { url: legislatureSite, words: "the legislature's site" };
  return null;
}

/** Natural order of districts: 1, 2, 10 (not 1, 10, 2); 21A before 21B; named districts alphabetically, after numbers. */
export function compareDistricts(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}

export type ChamberMember = { id: string; name: string; party: string; district: string };

export type ChamberChoice<M extends ChamberMember> =
  /** One district (from an address, or a ZIP inside one district): its members, none when the seat is vacant. */
  | { mode: "given"; district: string; members: M[] }
  /** A split ZIP: its few candidate districts, each with its members (none = vacant). */
  | { mode: "choose"; districts: { district: string; members: M[] }[] }
  /** A ZIP the table lacks: the whole chamber, in natural order. */
  | { mode: "state"; members: M[] };

/**
 * What a person chooses in one chamber. `members` is the state's chamber; `zipDistricts` the ZIP
 * table's candidates (null or empty when it lacks the ZIP); `resolved` an address lookup's district.
 */
export function chamberChoice<M extends ChamberMember>(members: M[], zipDistricts: string[] | null, resolved?: string): ChamberChoice<M> {
  const inDistrict = (d: string) => members.filter((m) => m.district === d).sort((a, b) => a.name.localeCompare(b.name));
  if (resolved) return { mode: "given", district: resolved, members: inDistrict(resolved) };
  const districts = [...new Set(zipDistricts ?? [])].sort(compareDistricts);
  if (districts.length === 1) return { mode: "given", district: districts[0], members: inDistrict(districts[0]) };
  if (districts.length > 1) return { mode: "choose", districts: districts.map((d) => ({ district: d, members: inDistrict(d) })) };
  return { mode: "state", members: [...members].sort((a, b) => compareDistricts(a.district, b.district) || a.name.localeCompare(b.name)) };
}

/** The form value of a candidate district (a split ZIP's choice is a district, which may have several members). */
export const districtChoiceValue = (district: string) => `district:${district}`;

/**
 * The members a form value picks, or null when it picks nothing the ZIP offers: a candidate district's
 * members (none for a vacant seat), or one member by id, of the whole-state list or of a candidate
 * district (a form rendered before the ZIP table was loaded sends a member's id).
 */
export function pickedMembers<M extends ChamberMember>(choice: ChamberChoice<M>, value: string): M[] | null {
  if (choice.mode === "given") return choice.members;
  const members = choice.mode === "choose" ? choice.districts.flatMap((d) => d.members) : choice.members;
  const one = members.find((m) => m.id === value);
  if (one) return [one];
  if (choice.mode === "choose") return choice.districts.find((d) => districtChoiceValue(d.district) === value)?.members ?? null;
  return null;
}

/** "128 or 129", "3, 5 or 9". */
export function orList(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
