// The numbers as evidence in a real browser: the numbers page and its map render, each chart's
// drawing matches its table, the place pages pass axe and fit a phone, and a brief prints to one page.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import { fillFromTemplate, startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { seriousViolations } from "~/tests/helpers/axe";
import { expect, launchChromium } from "~/tests/helpers/browser";
import { insertEvidenceFixture } from "~/tests/helpers/evidence-fixture";

/** data-label → data-value of the drawn marks, and of the table cells, of one chart. */
async function chartAndTable(page: Page, chart: string) {
  return page.evaluate((id) => {
    const read = (selector: string) => Object.fromEntries([...document.querySelectorAll(selector)].map((e) => [e.getAttribute("data-label"), e.getAttribute("data-value")]));
    return { drawn: read(`svg[data-chart="${id}"] [data-label]`), table: read(`table[data-chart="${id}"] [data-label]`) };
  }, chart);
}

describe("evidence pages in the browser", () => {
  let app: AppServer;
  let browser: Browser;
  const dataDir = mkdtempSync(path.join(tmpdir(), "amg-evidence-"));

  beforeAll(async () => {
    await fillFromTemplate(dataDir);
    const handle = await openDatabase({ kind: "pglite", dataDir });
    await migrateDatabase(handle);
    await insertEvidenceFixture(handle.db);
    await handle.close();
    app = await startAppServer({}, { dataDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("renders the numbers page: figures in plain words, the map, and charts whose tables match their drawings", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/numbers`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The numbers");
    const body = (await page.locator("body").textContent()) ?? "";
    expect(body).not.toMatch(/differs: show|plausible only|will appear here/);
    await expect(page.getByRole("link", { name: /HRSA/ }).first()).toHaveAttribute("href", /^https:\/\//);
    // The map: every state, DC and the five territories drawn, coloured from the same figures as the table.
    expect(await page.locator('svg[data-chart="members-by-state"] path').count()).toBe(56);
    const map = await chartAndTable(page, "members-by-state");
    expect(Object.keys(map.table)).toHaveLength(56);
    for (const [state, value] of Object.entries(map.table)) expect(map.drawn[state] ?? "", state).toBe(value);
    expect(map.table).toMatchObject({ CA: "20", NY: "", WY: "", TX: "0", PR: "0" });
    await expect(page.locator('table[data-chart="members-by-state"] td[data-label="NY"]')).toHaveText("fewer than 10");
    for (const chart of ["members-by-waiting", "members-by-graduation-year", "members-by-exam"]) {
      const { drawn, table } = await chartAndTable(page, chart);
      expect(Object.keys(table).length, chart).toBeGreaterThan(3);
      expect(drawn, chart).toEqual(table);
    }
    // NRMP: each drawn point is the table's rate; a missing figure is drawn as no point, never guessed.
    const nrmp = await chartAndTable(page, "nrmp-match");
    for (const [key, value] of Object.entries(nrmp.table)) expect(nrmp.drawn[key] ?? "", key).toBe(value);
    expect(nrmp.table["us_citizen_img/2025"]).toBe("67.8");
    expect(nrmp.table["us_md_senior/2014"]).toBe("");
    await expect(page.getByRole("heading", { name: /In 2025, 67.8% of US-citizen international graduates matched/ })).toBeVisible();
    const csv = await (await fetch(`${app.url}/numbers/members-by-state.csv`)).text();
    expect(csv).toContain("NY,New York,fewer than 10");
    expect(csv).toContain("CA,California,20");
    await page.close();
  });

  it("passes axe and fits a 390-pixel phone on the numbers page and a place page", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const url of ["/numbers", "/numbers/ca", "/numbers/ny-22"]) {
      const res = await page.goto(`${app.url}${url}`);
      expect(res?.status(), url).toBe(200);
      expect(await seriousViolations(page, url)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
    }
    await context.close();
  });

  it("shows a district's members, legislators and state law, and prints its brief to one PDF page", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/numbers/ny-22`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("New York");
    await expect(page.locator(".brief-lead")).toContainText("12");
    await expect(page.getByText(/Mannion/)).toBeVisible();
    await page.goto(`${app.url}/numbers/ny`);
    await expect(page.locator(".brief-lead")).toContainText("Fewer than 10");
    expect((await fetch(`${app.url}/numbers/zz-99`)).status).toBe(404);
    const pdf = await fetch(`${app.url}/numbers/ny-22/brief.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString("latin1");
    expect(bytes.startsWith("%PDF")).toBe(true);
    expect(bytes.match(/\/Type\s*\/Page(?![s\w])/g)).toHaveLength(1);
    await page.close();
  });
});
