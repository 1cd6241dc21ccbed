// Finding one's legislators over HTTP: the JSON API and the no-JavaScript page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPage, parseHtml } from "~/tests/helpers/html-page";
import { formStampOf, post } from "~/tests/helpers/http-session";
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

  it("lists a state's chambers by the names the state uses, districts in natural order", async () => {
    const ny = await fetchPage(`${app.url}/act/state/NY`);
    const records = ny.records();
    expect(new Set(records.map((r) => r.Chamber))).toEqual(new Set(["Senate", "Assembly"]));
    const assembly = records.filter((r) => r.Chamber === "Assembly").map((r) => Number(r.District));
    expect(assembly).toEqual([...assembly].sort((a, b) => a - b));
    expect(ny.text).not.toContain("House / Assembly");
  });

  it("shows the ZIP's own state legislators on the finder: given for one district, the few candidates of a split ZIP", async () => {
    const syracuse = await fetchPage(`${app.url}/act?zip=13202`);
    expect(syracuse.text).toContain("Senate, district 48: Senator Rachel May");
    expect(syracuse.text).toContain("Assembly, district 128 or 129: district 128: Assembly Member Pamela Hunter");
    expect(syracuse.linksNamed("the Assembly's “find my legislator” page")).toEqual(["https://nyassembly.gov/mem/search/"]);
    const pennsylvania = await fetchPage(`${app.url}/act?zip=16024`);
    expect(pennsylvania.text).toContain("House of Representatives, district 12: this seat is vacant");
    // A ZIP the table lacks keeps the state's list.
    expect((await fetchPage(`${app.url}/act?zip=99901`)).linksNamed("Choose yours from the list of Alaska legislators")).toEqual(["/act/state/AK"]);
  });

  it("asks a split ZIP's writer only for the district in question, and names it beside the field when missing", async () => {
    const single = await fetchPage(`${app.url}/act/collaborative-practice?zip=11968`);
    expect(single.text).toContain("Senator Tony Palumbo");
    expect(single.hasField("Your state senator")).toBe(false);
    expect(single.hasField("Your assembly member")).toBe(false);

    const split = await fetchPage(`${app.url}/act/collaborative-practice?zip=13202`);
    expect(split.hasField("Your state senator")).toBe(false);
    expect(split.text).toContain("Your assembly member: Assembly district 128 or 129?");
    expect(split.root.querySelectorAll('input[name="lowerId"]').map((i) => i.getAttribute("value"))).toEqual(["district:128", "district:129"]);
    expect(split.root.querySelectorAll('select[name="lowerId"], select[name="upperId"]')).toHaveLength(0);

    const stamp = await formStampOf(app, "/act/collaborative-practice?zip=13202");
    const entries = Object.fromEntries(split.formEntries("letter"));
    const values = { ...entries, rendered: stamp, name: "Sam Reyes", email: "sam.districts@example.org", street: "1 Clinton Sq", city: "Syracuse" };
    const missing = await post(app, "/act/collaborative-practice?zip=13202", values);
    expect(missing.status).toBe(400);
    const page = parseHtml(await missing.text());
    expect(page.text).toContain("Please choose your Assembly district.");
    const sent = await post(app, "/act/collaborative-practice?zip=13202", { ...values, lowerId: "district:129" });
    expect(sent.status).toBe(302);
  });
});
