// Mentorship in a real browser: a physician offers to mentor on /mentors, opens the e-mailed link
// (which signs them in), and staff approve them; the new pages pass axe and fit a 390 px phone.
// The rest of the flow (request, round, introduction, acceptance, log, feedback, end) is walked over
// HTTP in tests/http/mentorship-access.test.ts.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { seriousViolations } from "~/tests/helpers/axe";
import { expect, launchChromium } from "~/tests/helpers/browser";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("mentorship in the browser", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.close();
  });

  async function signIn(page: Page, email: string) {
    const before = sink.messages.length;
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("Your e-mail").fill(email);
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    await page.waitForURL(/\/sign-in\/check/);
    const mail = await sink.waitFor((m) => sink.messages.indexOf(m) >= before && m.to.includes(email));
    await page.goto(mail.text.match(/http:\/\/localhost:\d+\/sign-in\/verify\?token=\S+/)![0]);
    await page.waitForURL(/\/account$/);
  }

  async function expectAccessible(page: Page, path: string) {
    expect(await seriousViolations(page, path)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }

  it("takes a physician from the offer form through the e-mailed link to staff approval", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await phone.newPage();
    await page.goto(`${app.url}/mentors`);
    await expectAccessible(page, "/mentors");
    await page.getByLabel("Your name").fill("Ana Rivera");
    await page.getByLabel("Your e-mail").fill("dr.rivera@example.org");
    await page.getByLabel("Your specialty").selectOption("Family Medicine");
    await page.getByLabel("States where you hold a licence").fill("NY, NJ");
    await page.getByLabel("Your practice setting").selectOption("community");
    await page.getByLabel("Years in practice").fill("12");
    await page.getByLabel("Languages you mentor in").fill("English, Spanish");
    await page.getByLabel("Interviews").check();
    await page.getByLabel("Weekends").check();
    // The form's stamp must be two seconds old (a person's pace), as the server checks.
    await page.waitForFunction(() => Date.now() - Number((document.querySelector('input[name="rendered"]') as HTMLInputElement).value.split(".")[0]) > 2100);
    await page.getByRole("button", { name: "Offer to mentor" }).click();
    await page.waitForURL(/\/mentors\/check-email$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("One more step: check your e-mail");
    const mail = await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject.startsWith("Confirm your offer to mentor"));
    await page.goto(mail.text.match(/http:\/\/localhost:\d+\/mentors\/confirm\?token=\S+/)![0]);
    await expect(page.getByText("Specialty: Family Medicine")).toBeVisible();
    await expectAccessible(page, "/mentors/confirm");
    await page.getByRole("button", { name: "Confirm and sign in" }).click();
    await page.waitForURL(/\/mentoring$/);
    await expect(page.getByText("Our staff will review your offer")).toBeVisible();
    await expectAccessible(page, "/mentoring");

    const console = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const staff = await console.newPage();
    await signIn(staff, "admin@example.org");
    await staff.goto(`${app.url}/admin/mentorship/mentors`);
    await expectAccessible(staff, "/admin/mentorship/mentors");
    await staff.getByRole("button", { name: "Approve Ana Rivera" }).click();
    await expect(staff.getByText("Approved")).toBeVisible();
    await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject === "You are now an AMG mentor");
    await staff.goto(`${app.url}/admin/mentorship`);
    await expectAccessible(staff, "/admin/mentorship");

    await page.reload();
    await expect(page.getByRole("button", { name: "Pause: no new mentees for now" })).toBeVisible();
    await phone.close();
    await console.close();
  }, 180_000);
});
