// The NRMP Main Residency Match figures by year and applicant type (data/facts/nrmp-match.csv, or
// the version staff uploaded): checked row by row, and read into the series the /numbers chart and
// table show. A figure the file leaves empty stays missing (null): never guessed. Pure: no I/O.
import { parse } from "csv-parse/sync";

export const nrmpColumns = ["year", "applicant_type", "applicants", "matched", "positions", "source", "basis", "rate_pct", "confidence"] as const;

export type NrmpRow = {
  year: number;
  applicantType: string;
  applicants: number | null;
  matched: number | null;
  positions: number | null;
  ratePct: number | null;
  source: string;
  basis: string;
};

/** The applicant types charted, in the order shown. */
export const chartedTypes = [
  { key: "us_md_senior", label: "US MD seniors" },
  { key: "us_do", label: "US DO seniors" },
  { key: "us_citizen_img", label: "US-citizen international graduates" },
  { key: "non_us_citizen_img", label: "Non-US-citizen international graduates" },
] as const;
export type ChartedType = (typeof chartedTypes)[number]["key"];

export type NrmpProblem = { row: number; message: string };

const count = (v: string) => (v.trim() === "" ? null : /^\d{1,7}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);

/** Reads and checks an uploaded CSV: every problem with its row number (row 1 is the header). */
export function parseNrmpCsv(text: string): { ok: true; rows: NrmpRow[] } | { ok: false; problems: NrmpProblem[] } {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, trim: true, bom: true }) as string[][];
  } catch {
    return { ok: false, problems: [{ row: 1, message: "The file is not a CSV file that can be read." }] };
  }
  const header = records[0] ?? [];
  const missing = nrmpColumns.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, problems: [{ row: 1, message: `The header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.` }] };
  if (records.length < 2) return { ok: false, problems: [{ row: 1, message: "The file has no figures." }] };
  if (records.length > 2001) return { ok: false, problems: [{ row: 1, message: "The file has more than 2,000 rows." }] };
  const at = (r: string[], c: (typeof nrmpColumns)[number]) => r[header.indexOf(c)] ?? "";
  const problems: NrmpProblem[] = [];
  const rows: NrmpRow[] = [];
  const seen = new Set<string>();
  records.slice(1).forEach((r, i) => {
    const row = i + 2;
    const year = Number(at(r, "year"));
    const type = at(r, "applicant_type");
    const [applicants, matched, positions] = [count(at(r, "applicants")), count(at(r, "matched")), count(at(r, "positions"))];
    const rateText = at(r, "rate_pct").trim();
    const rate = rateText === "" ? null : /^\d{1,3}(\.\d+)?$/.test(rateText) ? Number(rateText) : Number.NaN;
    if (!Number.isInteger(year) || year < 1952 || year > 2100) problems.push({ row, message: "The year must be a year such as 2025." });
    if (!/^[a-z0-9_]{2,60}$/.test(type)) problems.push({ row, message: "The applicant type must be a short code such as us_md_senior." });
    if ([applicants, matched, positions].some((n) => Number.isNaN(n))) problems.push({ row, message: "Applicants, matched and positions must be whole numbers, or empty when unknown." });
    if (Number.isNaN(rate) || (rate !== null && rate > 100)) problems.push({ row, message: "The match rate must be a percentage from 0 to 100, or empty when unknown." });
    if (applicants !== null && matched !== null && matched > applicants) problems.push({ row, message: "More matched than applicants." });
    if (seen.has(`${year}/${type}`)) problems.push({ row, message: `A second row for ${type} in ${year}.` });
    seen.add(`${year}/${type}`);
    rows.push({ year, applicantType: type, applicants, matched, positions, ratePct: rate, source: at(r, "source"), basis: at(r, "basis") });
  });
  return problems.length ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, rows };
}

/** DO seniors are reported as seniors from 2020, and as students and graduates together before. */
function rowFor(rows: NrmpRow[], year: number, type: ChartedType): NrmpRow | undefined {
  const of = (t: string) => rows.find((r) => r.year === year && r.applicantType === t);
  return type === "us_do" ? (of("us_do_senior") ?? of("us_do_students_grads")) : of(type);
}

export type NrmpYear = {
  year: number;
  positions: number | null;
  byType: Record<ChartedType, { applicants: number | null; matched: number | null; ratePct: number | null; basis: string } | null>;
};

/** One entry per year the file covers: PGY-1 positions (all applicants) and each charted applicant type. */
export function nrmpSeries(rows: NrmpRow[]): NrmpYear[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const all = rows.find((r) => r.year === year && r.applicantType === "all");
    const byType = Object.fromEntries(
      chartedTypes.map(({ key }) => {
        const r = rowFor(rows, year, key);
        return [key, r ? { applicants: r.applicants, matched: r.matched, ratePct: r.ratePct, basis: r.basis } : null];
      }),
    ) as NrmpYear["byType"];
    return { year, positions: all?.positions ?? null, byType };
  });
}

/** The chart's title: the finding in the latest year with both rates. */
export function nrmpFinding(series: NrmpYear[]): string {
  const latest = [...series].reverse().find((y) => y.byType.us_citizen_img?.ratePct != null && y.byType.us_md_senior?.ratePct != null);
  if (!latest) return "Match rates by applicant type";
  return `In ${latest.year}, ${latest.byType.us_citizen_img?.ratePct}% of US-citizen international graduates matched, against ${latest.byType.us_md_senior?.ratePct}% of US MD seniors`;
}
