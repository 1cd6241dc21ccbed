import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appPath } from "~/platform/app-root";
import { nrmpFinding, nrmpSeries, parseNrmpCsv } from "./nrmp-match";

const header = "year,applicant_type,applicants,matched,positions,source,basis,rate_pct,confidence";

describe("the NRMP match file", () => {
  it("reads the shipped file, leaving unknown figures missing", () => {
    const parsed = parseNrmpCsv(readFileSync(appPath("data", "facts", "nrmp-match.csv"), "utf8"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const series = nrmpSeries(parsed.rows);
    const y2025 = series.find((y) => y.year === 2025)!;
    expect(y2025.positions).toBe(40041);
    expect(y2025.byType.us_citizen_img).toMatchObject({ applicants: 4587, matched: 3108, ratePct: 67.8 });
    const y2019 = series.find((y) => y.year === 2019)!;
    expect(y2019.byType.us_md_senior).toMatchObject({ applicants: null, matched: 17763 });
    expect(series.find((y) => y.year === 2014)!.byType.us_md_senior).toBeNull();
    // DO seniors are reported as students and graduates before 2020.
    expect(series.find((y) => y.year === 2017)!.byType.us_do?.basis).toBe("active");
    expect(nrmpFinding(series)).toBe("In 2025, 67.8% of US-citizen international graduates matched, against 93.5% of US MD seniors");
  });

  it.each([
    ["a missing column", "year,applicant_type\n2025,all", /lacks the columns/],
    ["no rows", header, /no figures/],
    ["a year that is not one", `${header}\n20x5,all,1,1,1,s,b,1,R`, /year/],
    ["a guessed-looking figure", `${header}\n2025,all,about 40000,1,1,s,b,1,R`, /whole numbers/],
    ["a rate over 100", `${header}\n2025,all,1,1,1,s,b,140,R`, /percentage/],
    ["more matched than applied", `${header}\n2025,all,10,20,,s,b,,R`, /More matched/],
    ["the same row twice", `${header}\n2025,all,1,1,1,s,b,1,R\n2025,all,1,1,1,s,b,1,R`, /second row/],
  ])("refuses a file with %s", (_name, csv, message) => {
    const parsed = parseNrmpCsv(csv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.message).join(" ")).toMatch(message);
  });
});
