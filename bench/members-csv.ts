// A synthetic members CSV (the import's columns) for the import benchmark: every row valid,
// addresses @synthetic.example.
import { stringify } from "csv-stringify/sync";
import { memberCsvTemplate } from "~/domains/membership/member-csv";

export function syntheticMembersCsv(count: number, prefix = "import"): string {
  const [head, example] = memberCsvTemplate;
  const at = (c: string) => head.indexOf(c);
  const schools = ["SUNY Upstate Medical University", "Ross University School of Medicine", "St. George's University", "Howard University College of Medicine"];
  const zips = ["13202", "10001", "14604", "12207", "11201"];
  const rows: string[][] = [head];
  for (let n = 1; n <= count; n++) {
    const row = [...example];
    row[at("name")] = `Synthetic Imported ${n}`;
    row[at("email")] = `${prefix}-${n}@synthetic.example`;
    row[at("zip")] = zips[n % zips.length];
    row[at("school")] = schools[n % schools.length];
    row[at("graduation_year")] = String(2005 + (n % 20));
    rows.push(row);
  }
  return stringify(rows);
}
