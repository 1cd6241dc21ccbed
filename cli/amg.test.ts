import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { fillFromTemplate } from "~/tests/helpers/app-server";

const run = promisify(execFile);
const amg = (args: string[], env: Record<string, string>) =>
  // A command still running after two minutes is killed, so it never holds the data folder into the next test.
  run(process.execPath, ["--import", "tsx", "cli/amg.ts", ...args], { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 120_000 }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

// Each command is a new Node process compiling TypeScript and opening the database: on a busy
// machine a test of four commands takes minutes, not the default minute.
describe("npm run amg", { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "amg-cli-"));
  beforeAll(() => fillFromTemplate(dataDir)); // a migrated database, as a server's first start leaves it before seeding
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("lists its commands with --help", async () => {
    const { code, out } = await amg(["--help"], { DATA_DIR: dataDir });
    expect(code).toBe(0);
    for (const name of ["admin:create", "db:migrate", "content:seed", "settings:show", "outbox:list"]) expect(out).toContain(name);
  });

  it("seeds a new embedded database once", async () => {
    expect((await amg(["content:seed"], { DATA_DIR: dataDir })).out).toContain("Starter content seeded.");
    expect((await amg(["content:seed"], { DATA_DIR: dataDir })).out).toContain("already seeded");
    expect((await amg(["settings:show"], { DATA_DIR: dataDir })).out).toContain('"timeZone": "America/New_York"');
  });

  it("gives an address the admin role, once, and names a bad address", async () => {
    expect((await amg(["admin:create", "Chief@Example.org"], { DATA_DIR: dataDir })).out).toContain("chief@example.org is now an admin (new account)");
    expect((await amg(["admin:create", "chief@example.org"], { DATA_DIR: dataDir })).out).toContain("was already an admin");
    const bad = await amg(["admin:create", "not-an-address"], { DATA_DIR: dataDir });
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("Please enter an e-mail address like name@example.org.");
  });

  it("imports members from a CSV file, checking it first, and updates them on a second run", async () => {
    const { memberCsvTemplate } = await import("~/domains/membership/member-csv");
    const { stringify } = await import("csv-stringify/sync");
    const [head, example] = memberCsvTemplate;
    const row = (changes: Record<string, string>) => head.map((c, i) => changes[c] ?? example[i]);
    const file = path.join(dataDir, "members.csv");
    writeFileSync(file, stringify([head, row({ email: "cli1@example.org" }), row({ email: "cli2@example.org", zip: "1" })]));
    const dry = await amg(["members:import", file, "--dry-run"], { DATA_DIR: dataDir });
    expect(dry.out).toContain("2 rows: 1 valid, 1 with problems.");
    expect(dry.out).toContain("row 3, zip: A ZIP code has 5 digits, like 13202.");
    expect(dry.out).toContain("Dry run: nothing was written.");
    expect((await amg(["members:import", file], { DATA_DIR: dataDir })).out).toMatch(/Imported in [\d.]+ s: 1 added, 0 updated, 1 skipped\./);
    expect((await amg(["members:import", file], { DATA_DIR: dataDir })).out).toMatch(/0 added, 1 updated, 1 skipped\./);
    const missing = await amg(["members:import", path.join(dataDir, "nope.csv")], { DATA_DIR: dataDir });
    expect(missing.code).toBe(2);
    expect(missing.out).toContain("Cannot read");
  });

  it("refuses to open the embedded database while another process (the server) holds it", async () => {
    const server = await openDatabase({ kind: "pglite", dataDir });
    try {
      const { code, out } = await amg(["content:seed"], { DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(out).toMatch(/in use by another AMG process \(pid \d+\), usually the running server/);
    } finally {
      await server.close();
    }
  });

  it("names a bad environment variable and a bad option", async () => {
    expect((await amg(["outbox:list"], { DATA_DIR: dataDir, DATABASE_URL: "mysql://nope" })).out).toContain("DATABASE_URL: must start with postgres://");
    const bad = await amg(["outbox:list", "--limit", "0"], { DATA_DIR: dataDir });
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("--limit must be a whole number");
  });
});
