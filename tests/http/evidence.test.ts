// Evidence over HTTP: the public CSV files, a place that does not exist, staff reports with their
// CSV (exact), and the NRMP file replaced through the console (checked first, versions kept).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { csrfTokenOf, signInOverHttp } from "~/tests/helpers/http-session";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("evidence over HTTP", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let admin = "";
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    admin = await signInOverHttp(app, sink, "admin@example.org");
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const upload = async (csv: string) => {
    const body = new FormData();
    body.set("csrf", await csrfTokenOf(app, "/admin/reports/nrmp-match", admin));
    body.set("file", new Blob([csv], { type: "text/csv" }), "nrmp.csv");
    return fetch(`${app.url}/admin/reports/nrmp-match`, { method: "POST", body, redirect: "manual", headers: { cookie: admin, origin: app.url } });
  };

  it("serves each public table as CSV, and 404 for a table or place that does not exist", async () => {
    const states = await fetch(`${app.url}/numbers/members-by-state.csv`);
    expect(states.headers.get("content-type")).toContain("text/csv");
    expect((await states.text()).split("\n")[0].trim()).toBe("state,name,members");
    expect((await fetch(`${app.url}/numbers/nope.csv`)).status).toBe(404);
    expect((await fetch(`${app.url}/numbers/xx`)).status).toBe(404);
    expect((await fetch(`${app.url}/numbers/ny-999`)).status).toBe(404);
  });

  it("keeps the console's reports from the public and gives staff their CSV", async () => {
    expect((await fetch(`${app.url}/admin/reports`, { redirect: "manual" })).status).not.toBe(200);
    const page = await fetch(`${app.url}/admin/reports?from=2026-01-01&to=2026-12-31`, { headers: { cookie: admin } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Campaign actions by state and campaign");
    const csv = await fetch(`${app.url}/admin/reports.csv?from=2026-01-01&to=2026-03-31&table=growth`, { headers: { cookie: admin } });
    expect((await csv.text()).split("\n").map((l) => l.trim())).toEqual(["month,members approved,subscribers confirmed", "2026-01,0,0", "2026-02,0,0", "2026-03,0,0", ""]);
    expect((await fetch(`${app.url}/admin/reports.csv?table=nope`, { headers: { cookie: admin } })).status).toBe(404);
  });

  it("refuses an NRMP file with a bad row, publishes a good one and keeps the versions", async () => {
    const header = "year,applicant_type,applicants,matched,positions,source,basis,rate_pct,confidence";
    const bad = await upload(`${header}\n2026,us_citizen_img,100,200,,NRMP,active,,R`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Row 2: More matched than applicants.");
    const good = await upload(`${header}\n2026,us_md_senior,20000,18800,,NRMP,active,94.0,R\n2026,us_citizen_img,5000,3400,,NRMP,active,68.0,R`);
    expect(good.status).toBe(302);
    const published = await (await fetch(`${app.url}/numbers/nrmp-match.csv`)).text();
    expect(published).toContain("2026,us_citizen_img,5000,3400,,68,active,NRMP");
    expect(published).not.toContain("2025");
    const versions = await (await fetch(`${app.url}/admin/reports/nrmp-match`, { headers: { cookie: admin } })).text();
    expect(versions).toContain("(published)");
    expect(versions).toContain("admin@example.org");
  });
});
