// Finding one's legislators over HTTP: the JSON API and the no-JavaScript page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPage } from "~/tests/helpers/html-page";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";

describe("finding legislators by ZIP", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer();
  });
  afterAll(async () => app?.stop());

  it("answers the API with the state, districts and members with their contact details", async () => {
    const res = await fetch(`${app.url}/api/legislators?zip=13202`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = await res.json();
    expect(body).toMatchObject({ zip: "13202", states: [{ code: "NY", name: "New York" }], isSplit: false, basis: "zcta" });
    expect(body.districts[0]).toMatchObject({ label: "NY-22", representative: { name: "John W. Mannion", title: "Representative", party: "Democrat" } });
    expect(body.senators).toHaveLength(2);
    expect(body.senators[0].phone).toMatch(/^202-/);
  });

  it.each([
    ["", "format", "A ZIP code has 5 digits, like 13202."],
    ["1320", "format", "A ZIP code has 5 digits, like 13202."],
    ["00000", "unknown", "We do not know ZIP code 00000. Please check it, or use the House's lookup by street address."],
  ])("answers a bad ZIP (%s) with 400 and a JSON error naming the problem", async (zip, problem, message) => {
    const res = await fetch(`${app.url}/api/legislators?zip=${zip}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "VALIDATION", field: "zip", problem, message } });
  });

  it("shows a split ZIP's candidates on the page, with the House's address lookup", async () => {
    const page = await fetchPage(`${app.url}/act?zip=10001`);
    expect(page.text).toContain("ZIP 10001 is split between 2 congressional districts");
    expect(page.text).toContain("U.S. House, NY-10");
    expect(page.text).toContain("U.S. House, NY-12");
    expect(page.root.querySelectorAll("a").map((a) => a.getAttribute("href"))).toContain("https://www.house.gov/representatives/find-your-representative");
  });

  it("keeps a bad ZIP in the field with the message beside it", async () => {
    const page = await fetchPage(`${app.url}/act?zip=12ab`);
    expect(page.field("Your ZIP code")).toMatchObject({ value: "12ab", isInvalid: true, error: "A ZIP code has 5 digits, like 13202." });
  });

  it("lists a state's legislators, searchable by name or district", async () => {
    const all = await fetchPage(`${app.url}/act/state/ny`);
    expect(all.headings(1)).toEqual(["New York legislators"]);
    expect(all.records().length).toBeGreaterThan(2);
    // The reference fixture has a senator and a member of the Assembly for district 22.
    const district = await fetchPage(`${app.url}/act/state/NY?q=22`);
    expect(district.records().map((r) => [r.Chamber, r.District])).toEqual([
      [expect.any(String), "22"],
      [expect.any(String), "22"],
    ]);
    expect((await fetch(`${app.url}/act/state/ZZ`)).status).toBe(404);
  });
});
