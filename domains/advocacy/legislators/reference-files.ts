// Reads the shipped reference files (data/) into typed rows. Pure parsing: text in, rows out.
import { parse } from "csv-parse/sync";

export type CongressMemberRow = {
  bioguide: string;
  fullName: string;
  party: string;
  state: string;
  chamber: "senate" | "house";
  district: number | null;
  stateRank: string | null;
  phone: string | null;
  url: string | null;
  contactForm: string | null;
  address: string | null;
  termEnd: string | null;
};
export type ZipDistrictRow = { zcta: string; state: string; district: number };
/** ZIP → one candidate state legislative district. A vacant seat is one no row of the legislators table sits for (the file's in_roster column is not kept). */
export type ZipStateDistrictRow = { zcta: string; state: string; chamber: "upper" | "lower"; district: string };
export type StateLegislatorRow = {
  id: string;
  name: string;
  state: string;
  chamber: "upper" | "lower" | "legislature";
  district: string;
  party: string;
  email: string | null;
  capitolPhone: string | null;
  districtPhone: string | null;
  website: string | null;
};

const records = (text: string) => parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
const orNull = (v: string | undefined) => (v ? v : null);

export class ReferenceFileError extends Error {}

function need(row: Record<string, string>, columns: string[], file: string, line: number) {
  for (const c of columns) if (!row[c]) throw new ReferenceFileError(`${file}, row ${line}: column "${c}" is empty`);
}

export function parseCongressMembers(text: string): CongressMemberRow[] {
  return records(text).map((r, i) => {
    need(r, ["bioguide", "full_name", "state", "chamber"], "members.csv", i + 2);
    if (r.chamber !== "sen" && r.chamber !== "rep") throw new ReferenceFileError(`members.csv, row ${i + 2}: chamber "${r.chamber}" is not sen or rep`);
    return {
      bioguide: r.bioguide,
      fullName: r.full_name,
      party: r.party,
      state: r.state,
      chamber: r.chamber === "sen" ? "senate" : "house",
      district: r.chamber === "rep" ? Number.parseInt(r.district, 10) : null,
      stateRank: orNull(r.state_rank),
      phone: orNull(r.phone),
      url: orNull(r.url),
      contactForm: orNull(r.contact_form),
      address: orNull(r.address),
      termEnd: orNull(r.term_end),
    };
  });
}

export function parseZipDistricts(text: string): ZipDistrictRow[] {
  return records(text).map((r, i) => {
    need(r, ["zcta", "state", "district"], "zcta-cd119.csv", i + 2);
    if (!/^\d{5}$/.test(r.zcta)) throw new ReferenceFileError(`zcta-cd119.csv, row ${i + 2}: "${r.zcta}" is not a 5-digit ZCTA`);
    return { zcta: r.zcta, state: r.state, district: Number.parseInt(r.district, 10) };
  });
}

export function parseStateLegislators(text: string): StateLegislatorRow[] {
  return records(text).map((r, i) => {
    need(r, ["id", "name", "state", "chamber", "district"], "state-legislators.csv", i + 2);
    if (!["upper", "lower", "legislature"].includes(r.chamber)) throw new ReferenceFileError(`state-legislators.csv, row ${i + 2}: unknown chamber "${r.chamber}"`);
    return {
      id: r.id,
      name: r.name,
      state: r.state,
      chamber: r.chamber as StateLegislatorRow["chamber"],
      district: r.district,
      party: r.party,
      email: orNull(r.email),
      capitolPhone: orNull(r.capitol_phone),
      districtPhone: orNull(r.district_phone),
      website: orNull(r.website),
    };
  });
}

export function parseZipStateDistricts(text: string): ZipStateDistrictRow[] {
  return records(text).map((r, i) => {
    need(r, ["zcta5", "state", "chamber", "district"], "zcta-state-legislative-district.csv", i + 2);
    if (!/^\d{5}$/.test(r.zcta5)) throw new ReferenceFileError(`zcta-state-legislative-district.csv, row ${i + 2}: "${r.zcta5}" is not a 5-digit ZCTA`);
    if (r.chamber !== "upper" && r.chamber !== "lower") throw new ReferenceFileError(`zcta-state-legislative-district.csv, row ${i + 2}: chamber "${r.chamber}" is not upper or lower`);
    return { zcta: r.zcta5, state: r.state, chamber: r.chamber, district: r.district };
  });
}
