// Membership in a real browser: applying (the degree first, then only its exams; eligible →
// signed in from the receipt, corrected, approved with a note; ineligible → reasons), the staff CSV
// import with its dry run, a member's match cycles, profile and data download, and account deletion
// confirmed from the e-mailed link. Mail is read from the in-process SMTP server.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { seriousViolations } from "~/tests/helpers/axe";
import { expect, launchChromium } from "~/tests/helpers/browser";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("membership in the browser", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let browser: Browser;
  let staff: BrowserContext;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    browser = await launchChromium();
    staff = await browser.newContext({ bypassCSP: true }); // bypassCSP: axe-core is injected into the pages
    await signIn(await staff.newPage(), "admin@example.org");
  });
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
    const mail = await sink.waitFor((m) => sink.messages.indexOf(m) >= before && m.to.includes(email) && m.subject.includes("sign-in"));
    await page.goto(findLink(mail, `${app.url}/sign-in/verify?token=`));
    await page.waitForURL(/\/account$/);
  }

  /** No serious or critical axe-core violation on the page as it is now. */
  async function expectAccessible(page: Page) {
    expect(await seriousViolations(page, page.url())).toEqual([]);
  }

  /** The degree step: choose, continue; the next page asks that degree's questions. */
  async function chooseDegree(page: Page, label: string) {
    await page.getByLabel(label).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/degree=/);
  }

  async function fillApplication(page: Page, values: { name: string; email: string; citizenship?: string; step2ck?: string }) {
    await page.goto(`${app.url}/join/apply`);
    await chooseDegree(page, "MD (a US medical school)");
    const form = page.locator("form.stack-form");
    await form.getByLabel("Full name").fill(values.name);
    await form.getByLabel("E-mail", { exact: true }).fill(values.email);
    await form.getByLabel("Home ZIP code").fill("13202");
    await form.getByLabel("Citizenship").selectOption(values.citizenship ?? "us-citizen");
    await form.getByLabel("School", { exact: true }).fill("SUNY Upstate Medical University");
    await form.getByLabel("Year of graduation").fill("2019");
    await form.getByLabel("USMLE Step 1", { exact: true }).selectOption("passed");
    await form.getByLabel("USMLE Step 1 date").fill("2016-06-01");
    await form.getByLabel("USMLE Step 2 CK", { exact: true }).selectOption(values.step2ck ?? "passed");
    await form.getByLabel("Residency").selectOption("never-started");
    await form.getByLabel("Specialties of interest").fill("Family medicine");
    await form.getByText("Choose the states").click();
    await form.getByLabel("New York").check();
    await form.getByLabel("Would you work in primary care in an underserved area?").selectOption("yes");
    await form.getByLabel("AMG may use my answers in anonymous statistics").check();
    await form.getByRole("button", { name: "Send my application" }).click();
  }

  it("shows an ineligible applicant every reason at once", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await fillApplication(page, { name: "Dr. Lee Park", email: "lee@example.org", citizenship: "other", step2ck: "failed" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answers do not meet AMG's membership rules");
    const reasons = await page.locator("main li").allTextContents();
    expect(reasons).toContain("AMG's members are US citizens or lawful permanent residents; you marked neither.");
    expect(reasons).toContain("We need Step 2 CK passed; you marked it as failed.");
    await expect(page.getByRole("link", { name: "subscribe to our newsletter" })).toHaveCount(1);
    await context.close();
  });

  it("takes an eligible graduate from applying to membership: signed in from the receipt, corrects the application, is approved with a note; then logs and corrects a match cycle, edits her profile, downloads her data and deletes her account", async () => {
    const context = await browser.newContext({ acceptDownloads: true, bypassCSP: true });
    const page = await context.newPage();
    await fillApplication(page, { name: "Dr. Maya Cruz", email: "maya@example.org" });
    // The rules' decision first, in plain words; then what happens next.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answers meet AMG's membership rules");
    await expect(page.getByRole("heading", { name: "What happens next" })).toHaveCount(1);
    await expectAccessible(page);
    const received = await sink.waitFor((m) => m.to.includes("maya@example.org") && m.subject.startsWith("We received"));
    expect(received.text).toContain("Your answers meet its membership rules.");
    expect(received.text).toContain("Citizenship: US citizen");

    // The receipt's link signs her in: her account shows the application, and she corrects it.
    await page.goto(findLink(received, `${app.url}/join/apply/confirm?signin=`));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign in and see my application" }).click();
    await page.waitForURL(/\/account$/);
    await expect(page.getByText("Signed in as")).toContainText("Dr. Maya Cruz");
    await expect(page.getByText("Waiting for a volunteer's review")).toHaveCount(1);
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole("link", { name: "Correct my application" }).click();
    await expect(page.getByLabel("Full name")).toHaveValue("Dr. Maya Cruz");
    await page.getByLabel("Specialties of interest").fill("Family medicine, Pediatrics");
    await page.getByRole("button", { name: "Send my application" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answers meet AMG's membership rules");
    await page.goto(`${app.url}/account/profile`);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("My profile"); // not a member yet

    const admin = await staff.newPage();
    await admin.goto(`${app.url}/admin/applications`);
    await admin.getByRole("link", { name: "Dr. Maya Cruz" }).click();
    await admin.waitForURL(/\/admin\/applications\/[\w-]+$/);
    await expect(admin.getByRole("heading", { name: "What the rules say: meets the rules" })).toHaveCount(1);
    await expect(admin.getByText("Family medicine, Pediatrics")).toHaveCount(1);
    await admin.getByLabel("Note to the applicant").fill("Welcome, Maya: your Step 2 CK score is confirmed.");
    await admin.getByRole("button", { name: "Approve as member" }).click();
    await admin.waitForLoadState();
    await expect(admin.getByText("status Approved (member)")).toHaveCount(1);
    const welcome = await sink.waitFor((m) => m.to.includes("maya@example.org") && m.subject.startsWith("Welcome"));
    expect(welcome.text).toContain("Welcome, Maya: your Step 2 CK score is confirmed.");
    expect(welcome.text).toContain(`${app.url}/account/profile`);

    // Signed in still: at her next page she is a member, no longer invited to become one.
    await page.goto(`${app.url}/account`);
    await expect(page.getByText("Signed in as")).toContainText("(member)");
    await expect(page.getByRole("heading", { name: "What AMG asks of you this week" })).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Become a member" })).toHaveCount(0);
    await expectAccessible(page);

    // A match cycle, then the same year corrected.
    await page.getByRole("link", { name: "My match cycles" }).click();
    const cycle = async (amount: string) => {
      await page.getByLabel("Match year").fill("2022");
      await page.getByLabel("Programmes applied to").fill("90");
      await page.getByLabel("Interviews").fill("2");
      await page.getByLabel("Did you submit a rank list?").selectOption("yes");
      await page.getByLabel("How did it end?").selectOption("unmatched");
      await page.getByLabel("Money spent applying that year (US dollars)").fill(amount);
      await page.getByRole("button", { name: "Save this year" }).click();
      await page.waitForURL(/\/account\/cycles$/);
    };
    await cycle("7,000");
    await expect.poll(() => page.locator("tbody tr").first().textContent()).toContain("$7,000");
    await cycle("7400");
    await expect.poll(() => page.locator("tbody tr").allTextContents()).toEqual([expect.stringContaining("$7,400")]);

    // The profile: a bad ZIP is answered beside the field, a good one saved.
    await page.goto(`${app.url}/account/profile`);
    await page.getByLabel("Home ZIP code").fill("1320");
    await page.getByRole("button", { name: "Save my profile" }).click();
    await expect(page.locator("#field-zip-error")).toHaveText("A ZIP code has 5 digits, like 13202.");
    await expect(page.getByLabel("Home ZIP code")).toHaveAttribute("aria-describedby", /field-zip-error/);
    await expectAccessible(page);
    await page.getByLabel("Home ZIP code").fill("10001");
    await page.getByRole("button", { name: "Save my profile" }).click();
    await page.waitForURL(/\/account\/profile\?saved=1$/);
    await expect(page.getByRole("status")).toContainText("Your profile is saved.");

    // Both downloads, from the account page.
    await page.goto(`${app.url}/account`);
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (CSV, for a spreadsheet)" }).click()]);
    const csv = readFileSync((await csvDownload.path())!, "utf8");
    expect(csv).toContain("application,zip,10001");
    expect(csv).toContain("match cycle 2022,amountSpent,7400");
    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (JSON)" }).click()]);
    expect(JSON.parse(readFileSync((await jsonDownload.path())!, "utf8")).matchCycles).toEqual([expect.objectContaining({ year: 2022, amountSpent: 7400 })]);

    // Deletion, confirmed from the e-mailed link.
    const before = sink.messages.length;
    await page.getByRole("button", { name: "E-mail me a link to delete my account" }).click();
    await page.waitForURL(/\/account\?deletion=sent$/);
    const mail = await sink.waitFor((m) => sink.messages.indexOf(m) >= before && m.to.includes("maya@example.org") && m.subject.startsWith("Confirm deleting"));
    await page.goto(findLink(mail, `${app.url}/account/delete?token=`));
    await page.getByRole("button", { name: "Delete my account now" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is deleted");
    await page.goto(`${app.url}/account`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await admin.goto(`${app.url}/admin/applications?status=all&q=Maya%20Cruz`);
    await expect(admin.getByRole("link", { name: "Dr. Maya Cruz" })).toHaveCount(0);
    await admin.close();
    await context.close();
  });

  it("imports a CSV in the console: the dry run reports the bad rows, then the valid ones are imported", async () => {
    const page = await staff.newPage();
    await page.goto(`${app.url}/admin/applications`);
    await page.getByRole("link", { name: "Import CSV" }).click();
    await page.waitForURL(/\/admin\/applications\/import$/);
    const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the template (CSV)" }).click()]);
    const [head, example] = readFileSync((await template.path())!, "utf8")
      .trim()
      .split("\n");
    const row = (name: string, email: string, changes: Record<string, string> = {}) => {
      const cells = example.split(",");
      for (const [i, c] of head.split(",").entries()) cells[i] = changes[c] ?? cells[i];
      cells[head.split(",").indexOf("name")] = name;
      cells[head.split(",").indexOf("email")] = email;
      return cells.join(",");
    };
    const file = [head, row("Dr. Csv One", "csv1@example.org"), row("Dr. Csv Two", "csv2@example.org", { graduation_year: "1850" }), row("Dr. Csv Three", "csv3@example.org", { degree: "PhD" })].join(
      "\n",
    );
    await page.getByLabel("CSV file (UTF-8, first row naming the columns)").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await page.waitForURL(/\/admin\/applications\/import\/[\w-]+$/);
    // The page refreshes itself until the job has checked the file.
    await page.getByRole("heading", { name: "Dry run" }).waitFor({ timeout: 30_000 });
    await expect(page.getByText("3 rows: 1 valid, 2 with problems")).toHaveCount(1);
    const problems = await page.locator("table tbody tr").allTextContents();
    expect(problems).toEqual(["3graduation_yearPlease enter a year from 1960 on.", "4degreePlease choose your medical degree."]);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Import 1 valid row" }).click();
    await page.getByRole("heading", { name: "Result" }).waitFor({ timeout: 30_000 });
    await expect(page.getByText("1 added, 0 updated.")).toHaveCount(1);
    await page.getByRole("link", { name: "Open the directory" }).click();
    await expect(page.getByRole("link", { name: "Dr. Csv One" })).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Dr. Csv Two" })).toHaveCount(0);
    await page.close();
  });

  it("shows an MD no COMLEX questions and a DO both exams, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${app.url}/join/apply`);
      await expect(page.getByLabel("USMLE Step 1", { exact: true })).toHaveCount(0);
      await chooseDegree(page, "DO (a US osteopathic school)");
      for (const exam of ["COMLEX Level 1", "COMLEX Level 2-CE", "USMLE Step 1", "USMLE Step 2 CK"]) await expect(page.getByLabel(exam, { exact: true }), exam).toHaveCount(1);
      await expect(page.getByLabel("USMLE Step 1 date")).toHaveAttribute("type", "date");
      if (javaScriptEnabled) await expectAccessible(page);
      await page.getByRole("link", { name: "Change the degree" }).click();
      await chooseDegree(page, "MD (a US medical school)");
      await expect(page.getByLabel("USMLE Step 1", { exact: true })).toHaveCount(1);
      await expect(page.getByLabel("COMLEX Level 1", { exact: true })).toHaveCount(0);
      await expect(page.getByLabel("Country of the school")).toHaveCount(0);
      await page.getByRole("link", { name: "Change the degree" }).click();
      await chooseDegree(page, "International medical degree");
      await expect(page.getByLabel("Country of the school")).toHaveValue("");
      await expect(page.getByLabel("ECFMG certification")).toHaveCount(1);
      await context.close();
    }
  });

  it("keeps the new pages accessible and usable on a 390 px phone", async () => {
    const member = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const console = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await console.addCookies(await staff.cookies());
    const staffPage = await console.newPage();
    const anonymous = await member.newPage();
    for (const [page, path] of [
      [anonymous, "/join/apply"],
      [anonymous, "/join/apply?degree=DO"],
      [anonymous, "/join/apply?degree=MD"],
      [anonymous, "/join/apply?degree=IMG"],
      [staffPage, "/admin/applications/import"],
      [staffPage, "/admin/applications?status=all&exam=step2ck"],
      [staffPage, "/join/apply"],
    ] as const) {
      await page.goto(`${app.url}${path}`);
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await member.close();
    await console.close();
  });
});
