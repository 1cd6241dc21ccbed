import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCsvCell, restoreCsvCell, toCsv } from "./csv";

const cellOf = (csv: string) => (parse(csv) as string[][])[0][0];

describe("CSV cells that a spreadsheet would run as formulas", () => {
  it.each([
    ["an equals sign", '=HYPERLINK("https://evil.example","Click")'],
    ["a plus sign", "+1+cmd|' /C calc'!A0"],
    ["a minus sign", "-2+3"],
    ["an at sign", "@SUM(A1:A9)"],
    ["a tab", "\t=1+1"],
    ["a carriage return", "\r=1+1"],
    ["a full-width equals sign (Apple Numbers reads it as =)", "\uFF1D1+1"],
  ])("are written with a leading single quote, in double quotes, when they start with %s", (_name, value) => {
    const csv = toCsv([[value, "plain"]]);
    expect(csv.startsWith(`"'`)).toBe(true);
    expect(cellOf(csv)).toBe(`'${value}`);
    expect(restoreCsvCell(cellOf(csv))).toBe(value);
  });

  it("leaves ordinary text, numbers (negative ones too) and empty cells as they were", () => {
    expect(toCsv([["Dr. Ana Reyes", 2019, -5, "", null, "a=b", "ana@example.org"]])).toBe("Dr. Ana Reyes,2019,-5,,,a=b,ana@example.org\n");
  });

  it("gives back exactly what was typed, even text that already starts with a quote", () => {
    for (const typed of ["'=1+1", "''@x", "'plain", "=", "O'Brien", "-", "ordinary"]) expect(restoreCsvCell(cellOf(toCsv([[typed]])))).toBe(typed);
    expect(cellOf(toCsv([["'=1+1"]]))).toBe("''=1+1");
    expect(neutraliseCsvCell("'=1+1")).toBe("''=1+1");
    // A quote the export did not add is kept.
    expect(restoreCsvCell("'plain")).toBe("'plain");
  });
});
