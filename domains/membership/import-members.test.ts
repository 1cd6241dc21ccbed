// Reading an import file, without a database: what a file as a whole can get wrong.
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { scanMembersCsv } from "./import-members.server";
import { memberCsvTemplate } from "./member-csv";

const now = new Date("2026-11-24T15:00:00Z");
const [head, example] = memberCsvTemplate;

describe("reading an import file", () => {
  it("reads a spreadsheet's UTF-8 file with a byte-order mark, Windows line ends and column names as people write them", async () => {
    const header = head.map((c) => c.replace(/_/g, " ").toUpperCase());
    const file = `\uFEFF${stringify([header, example, example.map((v, i) => (head[i] === "email" ? "second@example.org" : v))], { record_delimiter: "windows" })}`;
    const rows: string[] = [];
    const result = await scanMembersCsv(file, now, { row: async (input) => void rows.push(input.email) });
    expect(result).toEqual({ ok: true, totalRows: 2, validRows: 2, errorRows: 0, errors: [], unknownColumns: [] });
    expect(rows).toEqual(["ana@example.org", "second@example.org"]);
  });

  it.each([
    ["an empty file", "", "The file has no rows to import."],
    ["a header without rows", `${head.join(",")}\n`, "The file has no rows to import."],
    ["a file that is not CSV (an unclosed quote)", `${head.join(",")}\n"Dr. Ana,ana@example.org\n`, "The file could not be read as CSV near line"],
    ["a file without the e-mail column", "name,zip\nAna,13202\n", 'The file has no "email",'],
  ])("refuses %s with a plain message", async (_name, file, message) => {
    const result = await scanMembersCsv(file, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure).toContain(message);
  });

  it("names the columns it ignores", async () => {
    const result = await scanMembersCsv(
      stringify([
        [...head, "phone"],
        [...example, "555"],
      ]),
      now,
    );
    expect(result).toMatchObject({ ok: true, validRows: 1, unknownColumns: ["phone"] });
  });
});
