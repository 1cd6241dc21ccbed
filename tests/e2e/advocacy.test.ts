// Letters to legislators in Debian's Chromium: the whole action on a phone without JavaScript
// (ZIP, split district, editable letter, story, address, send, the prepared letters and the copy
// by e-mail), state legislators chosen from a list and e-mailed, field errors, the copy button,
// a staff member changing the state law tracker, and a Syracuse writer finishing the job ("I sent
// it", the reminder a day later, the counts in their columns).
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { seriousViolations } from "~/tests/helpers/axe";
import { expect, launchChromium } from "~/tests/helpers/browser";
import { signInOverHttp } from "~/tests/helpers/http-session";
import { parseHtml } from "~/tests/helpers/html-page";
import { openDatabase } from "~/db/client.server";
import { remindPreparedLetters } from "~/domains/advocacy/campaigns/remind-prepared-letters.server";
import { deliverEmailJob } from "~/domains/email/job-specs";
import { createLogger } from "~/platform/logger";
import { startQueue } from "~/platform/queue.server";
import { resolveSecretKey } from "~/platform/secret-key.server";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("letters to legislators in a browser", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // Kept on stop: the last test stops the server to let a day pass for the reminder, then restarts it on the same data.
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" }, { keepData: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.close();
  });

  const phone = (javaScriptEnabled: boolean) => browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } }).then((c) => c.newPage());

  /** The form's time trap refuses a form sent back within two seconds of the page being made. */
  async function waitOutTimeTrap(page: Page) {
    // The field holds the signed stamp "<milliseconds>.<signature>".
    const rendered = Number((await page.locator('input[name="rendered"]').getAttribute("value"))?.split(".")[0]);
    await expect.poll(() => Date.now() - rendered, { intervals: [100], timeout: 5000 }).toBeGreaterThan(2100);
  }

  /** Letters from a browser not signed in as the writer wait for the link e-mailed to the writer: open it and press the button. */
  async function confirmLetters(page: Page, email: string) {
    const mail = await sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Please confirm your letters"));
    await page.goto(findLink(mail, `${app.url}/act/confirm?token=`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await page.waitForURL(/\/sent\//);
  }

  async function fillSender(page: Page, email: string) {
    await page.getByLabel("Your name", { exact: true }).fill("Maria Lopez");
    await page.getByLabel("Your e-mail", { exact: true }).fill(email);
    await page.getByLabel("Street address").fill("350 W 31st St");
    await page.getByLabel("City").fill("New York");
  }

  it("takes a whole letter action on a phone without JavaScript, and hands over the letters offices take only by form", async () => {
    const page = await phone(false);
    await page.goto(`${app.url}/act`);
    await page.getByRole("link", { name: "Ask Congress to pass the Resident Physician Shortage Reduction Act" }).click();
    await page.getByLabel("ZIP code where you live").fill("10001");
    await page.getByRole("button", { name: "Find my legislators" }).click();
    await page.waitForURL(/zip=10001/);
    // A split ZIP: the person chooses their district; the House's lookup is offered.
    await expect(page.getByRole("link", { name: "Check with your street address on the House's official lookup" })).toHaveCount(1);
    await page.getByLabel(/NY-12: Representative Jerrold Nadler/).check();
    const letter = page.getByLabel("Letter to those who have not yet cosponsored");
    await expect.poll(() => letter.inputValue()).toContain("I am writing as your constituent in New York");
    await letter.fill(`${await letter.inputValue()}\n\nI wrote this last line myself.`);
    await page.getByLabel(/Your story/).fill("I graduated in 2019, passed Step 1 and Step 2 CK, and applied three times.");
    await fillSender(page, "maria@example.org");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await waitOutTimeTrap(page);
    await page.getByRole("button", { name: "Send my letters" }).click();
    await page.waitForURL(/\/act\/residency-shortage-act\/sent\//);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("3 of 3 letters still need you");
    await expect(page.locator(".lead")).toContainText("Thank you, Maria.");
    await expect(page.getByRole("heading", { name: "3 letters for you to send" })).toHaveCount(1);
    const nadler = page.getByLabel(/Your letter/).first();
    const texts = await page.locator(".sent-letter textarea").evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    const toNadler = texts.find((t) => t.startsWith("Dear Representative Jerrold Nadler,"))!;
    expect(toNadler).toContain("I wrote this last line myself.");
    expect(toNadler).toContain("In my own words:\n\nI graduated in 2019");
    expect(toNadler).toContain("Maria Lopez\n350 W 31st St\nNew York, NY 10001");
    // The cosponsors get the thank-you letter, the others the request.
    const toSchumer = texts.find((t) => t.startsWith("Dear Senator Charles E. Schumer,"))!;
    expect(toSchumer).toContain("Thank you for supporting the Resident Physician Shortage Reduction Act");
    await expect(nadler).toHaveCount(1);
    // The senators' data has contact forms; the representative's has none, and no home page is called one.
    await expect(page.getByRole("link", { name: "Open the office's contact form" })).toHaveCount(2);
    // Not signed in: the letters count once the writer opens the link e-mailed to her (the prepared ones are usable now).
    await expect(page.getByRole("status")).toContainText("We e-mailed a link to maria@example.org.");
    await expect(page.locator(".progress p")).toContainText("Be among the first to write");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await confirmLetters(page, "maria@example.org");
    await expect(page.getByRole("heading", { name: "3 letters for you to send" })).toHaveCount(1);
    // One person, under the counters' threshold: an invitation, not a small number.
    await expect(page.locator(".progress p")).toContainText("Be among the first to write");

    const copy = await sink.waitFor((m) => m.to.includes("maria@example.org") && m.subject.startsWith("Your letters:"));
    expect(copy.text).toContain("=== To Representative Jerrold Nadler (NY-12) ===");
    expect(copy.text).toContain("I wrote this last line myself.");
    expect(copy.text).toContain(page.url());
    await page.context().close();
  });

  it("shows each problem beside its field and keeps the letter as typed", async () => {
    const page = await phone(false);
    await page.goto(`${app.url}/act/residency-shortage-act?zip=13202`);
    const letter = page.getByLabel("Letter to those who have not yet cosponsored");
    await letter.fill("Too short.");
    await page.getByLabel("Street address").fill("Main Street");
    await waitOutTimeTrap(page);
    await page.getByRole("button", { name: "Send my letters" }).click();
    await page.locator(".error-message").first().waitFor();
    await expect(page.locator("#field-letter-error")).toHaveText("The letter is nearly empty: please keep at least a few sentences.");
    await expect(page.locator("#field-name-error")).toHaveText("Please enter your name.");
    await expect(page.locator("#field-street-error")).toHaveText("Please enter your street address with its number, like 120 Main St.");
    await expect(letter).toHaveValue("Too short.");
    await expect(page.getByLabel("Street address")).toHaveValue("Main Street");
    await page.context().close();
  });

  it("writes to state legislators chosen from the state's list; offices that publish an address get it by e-mail", async () => {
    const page = await phone(true);
    await page.goto(`${app.url}/act/collaborative-practice?zip=99901`);
    await expect.poll(() => page.locator("#tracker svg a").count()).toBeGreaterThanOrEqual(50);
    await expect(page.locator(".notice").first()).toContainText("In Alaska:");
    await page.getByLabel("Your state senator").selectOption({ label: "District A: Bert Stedman (Republican)" });
    await page.getByLabel("Your state representative").selectOption({ label: "District 1: Jeremy Bynum (Republican)" });
    await expect
      .poll(() => page.getByLabel("Your letter (edit it as you like)").inputValue())
      .toContain("Please introduce or cosponsor a bill to license medical graduates for collaborative practice in Alaska");
    await fillSender(page, "ak@example.org");
    await waitOutTimeTrap(page);
    await page.getByRole("button", { name: "Send my letters" }).click();
    await page.waitForURL(/\/act\/collaborative-practice\/sent\//);
    await expect(page.getByRole("status")).toContainText("Your letters to Senator Bert Stedman and Representative Jeremy Bynum go out when you open it");
    await expect(page.getByRole("heading", { name: "Sent by e-mail" })).toHaveCount(0);
    await confirmLetters(page, "ak@example.org");
    await expect(page.getByRole("heading", { name: "Sent by e-mail" })).toHaveCount(1);
    const office = await sink.waitFor((m) => m.to.includes("representative.jeremy.bynum@akleg.gov"));
    expect(office.header("reply-to")).toContain("ak@example.org");
    expect(office.text).toContain("Dear Representative Jeremy Bynum,");
    await page.context().close();
  });

  it("copies a prepared letter with one click when JavaScript runs, and the page passes axe", async () => {
    const context = await browser.newContext({ bypassCSP: false });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    const page = await context.newPage();
    await page.goto(`${app.url}/act/residency-shortage-act?zip=13202`);
    await fillSender(page, "copy@example.org");
    await waitOutTimeTrap(page);
    await page.getByRole("button", { name: "Send my letters" }).click();
    await page.waitForURL(/\/sent\//);
    await page.getByRole("button", { name: "Copy the letter" }).first().click();
    await expect(page.getByRole("button", { name: "Copied" })).toHaveCount(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Dear (Senator|Representative) /);
    const audit = await browser.newContext({ bypassCSP: true });
    const auditPage = await audit.newPage();
    await auditPage.goto(page.url());
    expect(await seriousViolations(auditPage, "the sent page")).toEqual([]);
    await audit.close();
    await context.close();
  });

  it("lets staff change a state on the tracker, and people from that state are asked accordingly", async () => {
    const cookie = await signInOverHttp(app, sink, "admin@example.org");
    const [name, value] = cookie.split("=");
    const context = await browser.newContext();
    await context.addCookies([{ name, value, url: app.url }]);
    const page = await context.newPage();
    await page.goto(`${app.url}/admin/campaigns`);
    await page.getByRole("link", { name: "State law tracker" }).click();
    await page.getByRole("link", { name: "New York" }).click();
    await page.getByLabel("Status").selectOption("bill-pending");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator("#field-law-error")).toHaveText("Please give the bill's number (e.g. A 1234).");
    await page.getByLabel("Law or bill").fill("A 1234");
    await page.getByLabel("Sources").fill("https://nyassembly.gov/leg/?bn=A01234");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator(".flash[role=status]")).toContainText("State law entry saved.");
    const visitor = await phone(false);
    await visitor.goto(`${app.url}/act/collaborative-practice?zip=13202`);
    await expect(visitor.locator(".notice").first()).toContainText("Ask your state legislators to pass A 1234.");
    await expect.poll(() => visitor.getByLabel("Your letter (edit it as you like)").inputValue()).toContain("Please support A 1234");
    await expect(visitor.locator('#tracker a[aria-label="NY (New York): Bill pending"]')).toHaveCount(1);
    await visitor.context().close();
    await context.close();
  });
  /**
   * A day passes for the reminder: with the server stopped, its hourly sweep runs on the server's own
   * database with a clock 25 hours ahead; the restarted server's mail worker then delivers it.
   * Returns the address the server had (the reminder's links carry it).
   */
  async function sweepRemindersADayLater(): Promise<string> {
    const before = app.url;
    await app.stop();
    const log = createLogger("silent");
    const handle = await openDatabase({ kind: "pglite", dataDir: app.dataDir });
    try {
      const queue = await startQueue(handle, [deliverEmailJob], log, { supervise: false, schedule: false });
      try {
        const secretKey = resolveSecretKey({ secretKey: undefined, dataDir: app.dataDir, nodeEnv: "test", databaseUrl: undefined, appUrl: before }, log);
        const dayLater = new Date(Date.now() + 25 * 3_600_000);
        const swept = await remindPreparedLetters({ db: handle.db, jobs: queue, clock: () => dayLater, appUrl: before, secretKey });
        expect(swept.reminded).toBeGreaterThanOrEqual(1);
      } finally {
        await queue.stop();
      }
    } finally {
      await handle.close();
    }
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" }, { dataDir: app.dataDir });
    return before;
  }

  it("tells a Syracuse writer which letters still need them, takes 'I sent it', reminds a day later of the rest, and counts each in its column", async () => {
    const page = await phone(false);
    await page.goto(`${app.url}/act`);
    await page.getByLabel("Your ZIP code").fill("13202");
    await page.getByRole("button", { name: "Find my legislators" }).click();
    await page.waitForURL(/zip=13202#results$/);
    // The campaigns open to the place, where the results are; small counts invite.
    const results = page.locator("#results");
    await expect(results.getByRole("heading", { name: "Write to them now" })).toHaveCount(1);
    await expect(results.locator(".progress").first()).toContainText("Be among the first to write.");
    await expect(page.getByText("is coming")).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await results.getByRole("link", { name: "Ask Congress to pass the Resident Physician Shortage Reduction Act" }).click();
    await page.waitForURL(/\/act\/residency-shortage-act\?zip=13202/);
    expect(await page.content()).not.toContain("{{");
    await page.getByLabel(/Your story/).fill("I studied in Syracuse, passed every licensing exam, and am still waiting for a residency.");
    await page.getByLabel("Your name", { exact: true }).fill("Maria Lopez");
    await page.getByLabel("Your e-mail", { exact: true }).fill("syracuse@example.org");
    await page.getByLabel("Street address").fill("120 Main St");
    await page.getByLabel("City").fill("Syracuse");
    await waitOutTimeTrap(page);
    await page.getByRole("button", { name: "Send my letters" }).click();
    await page.waitForURL(/\/sent\//);
    const headline = page.getByRole("heading", { level: 1 });
    await expect(headline).toHaveText("3 of 3 letters still need you");
    await confirmLetters(page, "syracuse@example.org");
    await expect(headline).toHaveText("3 of 3 letters still need you");

    const card = (name: RegExp) => page.locator("article.sent-letter", { has: page.getByRole("heading", { name }) });
    // A supporter's letter and its subject agree: both thank.
    const schumer = card(/Senator Charles E\. Schumer/);
    await expect(schumer.locator("label")).toContainText("subject: Thank you for supporting the Resident Physician Shortage Reduction Act");
    expect(await schumer.locator("textarea").inputValue()).toContain("Thank you for supporting the Resident Physician Shortage Reduction Act");
    // The phone script carries the person's details; an office without a contact form says so.
    const mannion = card(/Representative John W\. Mannion/);
    await expect(mannion.locator(".call-script")).toContainText("my name is Maria Lopez and I am a constituent from Syracuse, ZIP code 13202");
    await expect(mannion.locator(".call-script")).not.toContainText("[your");
    await expect(mannion).toContainText("We have no contact form for this office");
    await expect(mannion.getByRole("link", { name: "Open the office's contact form" })).toHaveCount(0);

    await schumer.getByRole("button", { name: "I sent it through the form" }).click();
    await expect(headline).toHaveText("2 of 3 letters still need you");
    await expect(schumer).toContainText("You sent it through the office's form");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const audit = await browser.newContext({ bypassCSP: true });
    const auditPage = await audit.newPage();
    for (const path of [page.url(), `${app.url}/act?zip=13202`, `${app.url}/act/residency-shortage-act?zip=13202`]) {
      await auditPage.goto(path);
      expect(await seriousViolations(auditPage, path)).toEqual([]);
    }
    await audit.close();
    await page.context().close();

    // A day later: one reminder, for the two letters not marked, each with its "I sent it" link.
    const before = await sweepRemindersADayLater();
    const reminder = await sink.waitFor((m) => m.to.includes("syracuse@example.org") && m.subject.includes("still waiting to be sent"));
    expect(reminder.subject).toBe("2 of your letters are still waiting to be sent: Ask Congress to pass the Resident Physician Shortage Reduction Act");
    expect(reminder.text).toContain("Senator Kirsten E. Gillibrand");
    expect(reminder.text).toContain("Representative John W. Mannion");
    expect(reminder.text).not.toContain("Senator Charles E. Schumer");
    const sentLink = findLink(reminder, `${before}/act/residency-shortage-act/sent/`).replace(before, app.url);
    const fromMail = await phone(false);
    await fromMail.goto(sentLink);
    const letterCard = fromMail.locator(`#${new URL(sentLink).hash.slice(1)}`);
    await letterCard.getByRole("button", { name: "I called the office" }).click();
    await expect(fromMail.getByRole("heading", { level: 1 })).toHaveText("1 of 3 letters still needs you");
    await fromMail.context().close();

    // Staff results: people, delivered by e-mail, reported sent, only prepared (the first test's writer prepared 3).
    const staff = await signInOverHttp(app, sink, "admin@example.org");
    const html = parseHtml(await (await fetch(`${app.url}/admin/campaigns/residency-shortage-act/results`, { headers: { cookie: staff } })).text());
    expect(html.cellsOf(".stat-card").map((c) => c.join(" "))).toEqual([
      "2 people took part, of a goal of 5,000",
      "0 letters delivered by e-mail",
      "2 letters the writers report sending (contact form or phone)",
      "4 letters only prepared (not reported sent)",
    ]);
  });

  // State legislators from the ZIP (issue 11): the ZIP → state district table decides what a writer chooses.
  describe("state legislators from the ZIP", () => {
    const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

    it("gives a writer from a ZIP inside one district their state legislators without choosing", async () => {
      const page = await phone(false);
      await page.goto(`${app.url}/act/collaborative-practice?zip=11968`);
      const state = page.locator(".state-legislators");
      await expect(state).toContainText("Senator Tony Palumbo");
      await expect(state).toContainText("New York Senate, district 1");
      await expect(state).toContainText("Assembly Member Tommy John Schiavoni");
      await expect(state).toContainText("New York Assembly, district 1");
      await expect(page.locator('select[name="upperId"], select[name="lowerId"], input[name="lowerId"]')).toHaveCount(0);
      expect(await noSidewaysScroll(page)).toBe(true);
      await fillSender(page, "southampton@example.org");
      await page.getByLabel("City").fill("Southampton");
      await waitOutTimeTrap(page);
      await page.getByRole("button", { name: "Send my letters" }).click();
      await page.waitForURL(/\/act\/collaborative-practice\/sent\//);
      await confirmLetters(page, "southampton@example.org");
      const office = await sink.waitFor((m) => m.to.includes("palumbo@nysenate.gov") && m.text.includes("Southampton"));
      expect(office.text).toContain("Dear Senator Tony Palumbo,");
      await page.context().close();
    });

    it("lets a Syracuse writer choose only between Assembly districts 128 and 129, the Senate's 48 given, on a phone without JavaScript", async () => {
      const page = await phone(false);
      await page.goto(`${app.url}/act/collaborative-practice?zip=13202`);
      const state = page.locator(".state-legislators");
      await expect(state).toContainText("Senator Rachel May");
      await expect(state).toContainText("New York Senate, district 48");
      const choices = page.locator('input[name="lowerId"]');
      await expect(choices).toHaveCount(2);
      await expect(page.getByRole("group", { name: "Your assembly member: Assembly district 128 or 129?" })).toHaveCount(1);
      await expect(page.getByRole("link", { name: "the Assembly's “find my legislator” page" })).toHaveAttribute("href", "https://nyassembly.gov/mem/search/");
      await expect(page.locator('select[name="upperId"], select[name="lowerId"]')).toHaveCount(0);
      expect(await noSidewaysScroll(page)).toBe(true);
      await fillSender(page, "syracuse.districts@example.org");
      await page.getByLabel("City").fill("Syracuse");
      await waitOutTimeTrap(page);
      // Not chosen: the message sits beside the choice and the form keeps what was typed.
      await page.getByRole("button", { name: "Send my letters" }).click();
      await expect(page.locator("#field-lowerId-error")).toHaveText("Please choose your Assembly district.");
      await expect(page.getByLabel("City")).toHaveValue("Syracuse");
      await page.getByLabel(/District 129: Bill Magnarelli/).check();
      await waitOutTimeTrap(page);
      await page.getByRole("button", { name: "Send my letters" }).click();
      await page.waitForURL(/\/act\/collaborative-practice\/sent\//);
      await confirmLetters(page, "syracuse.districts@example.org");
      const office = await sink.waitFor((m) => m.text.includes("Dear Assembly Member Bill Magnarelli,"));
      expect(office.header("reply-to")).toContain("syracuse.districts@example.org");
      await page.context().close();
    });

    it("keeps the whole state's list for a ZIP the table lacks, filtered as one types, and the pages pass axe", async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${app.url}/act/collaborative-practice?zip=99901`);
      const representative = page.getByLabel("Your state representative");
      await expect(representative.locator("option")).toHaveText(["Choose…", "District 1: Jeremy Bynum (Republican)", "District 2: Rebecca Himschoot (Independent)"]);
      const filter = page.getByLabel("Filter the list by name or district number").last();
      await filter.fill("himsch");
      await expect(representative.locator("option")).toHaveText(["Choose…", "District 2: Rebecca Himschoot (Independent)"]);
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(await seriousViolations(page, "a ZIP the table lacks")).toEqual([]);
      await page.goto(`${app.url}/act/collaborative-practice?zip=13202`);
      expect(await seriousViolations(page, "a split ZIP")).toEqual([]);
      await page.goto(`${app.url}/act?zip=13202`);
      await expect(page.getByText("Assembly, district 128 or 129:")).toHaveCount(1);
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(await seriousViolations(page, "the finder")).toEqual([]);
      await page.goto(`${app.url}/act/state/NY`);
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(await seriousViolations(page, "the state's list")).toEqual([]);
      await context.close();
    });
  });
});

describe("open letters for staff, and Keep me updated, in a browser", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.close();
  });

  // bypassCSP: axe-core is injected into the pages.
  // JavaScript on: axe-core runs in the page (the forms themselves work without it, see public-site.test.ts).
  const phone = (javaScriptEnabled = true) => browser.newContext({ javaScriptEnabled, bypassCSP: true, viewport: { width: 390, height: 844 } }).then((c) => c.newPage());
  const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  async function expectAccessible(page: Page) {
    expect(await seriousViolations(page, page.url())).toEqual([]);
    expect(await fitsPhone(page)).toBe(true);
  }

  async function signLetter(page: Page, p: { name: string; email: string; city: string; zip: string; role: string; keepUpdated?: boolean }) {
    await page.goto(`${app.url}/letters/aamc`);
    const rendered = Number((await page.locator('input[name="rendered"]').getAttribute("value"))?.split(".")[0]);
    await page.getByLabel("Your name", { exact: true }).fill(p.name);
    await page.getByLabel("Your e-mail", { exact: true }).fill(p.email);
    await page.getByLabel("Your city").fill(p.city);
    await page.getByLabel("ZIP code", { exact: true }).fill(p.zip);
    await page.getByLabel("I am").selectOption(p.role);
    await page.getByRole("checkbox", { name: /Name me: show my first name/ }).check();
    if (p.keepUpdated) await page.getByRole("checkbox", { name: /Keep me updated/ }).check();
    await expect.poll(() => Date.now() - rendered, { intervals: [100], timeout: 5000 }).toBeGreaterThan(2100);
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await page.waitForURL(/\/letters\/aamc\/check-email/);
    const mail = await sink.waitFor((m) => m.to.includes(p.email) && m.subject.includes("confirm your signature"));
    await page.goto(findLink(mail, `${app.url}/letters/confirm?token=`));
    return page;
  }

  it("turns a ticked “Keep me updated” into a confirmed subscriber with the signature's one confirmation e-mail", async () => {
    const page = await phone();
    await page.goto(`${app.url}/letters/aamc`);
    await expect(page.locator(".progress p")).toHaveText("Be among the first to sign.");
    await expect(page.getByRole("checkbox", { name: /Keep me updated/ })).not.toBeChecked();
    await expectAccessible(page);
    await signLetter(page, { name: "Maria Lopez", email: "maria@example.org", city: "Syracuse", zip: "13202", role: "unmatched-graduate", keepUpdated: true });
    await expect(page.locator("dd").filter({ hasText: "you also join the e-mail list" })).toHaveCount(1);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await page.waitForURL(`${app.url}/letters/aamc/thanks`);
    await expectAccessible(page);
    expect(sink.messages.filter((m) => m.to.includes("maria@example.org"))).toHaveLength(1);

    const cookie = await signInOverHttp(app, sink, "admin@example.org");
    const subscribers = await (await fetch(`${app.url}/admin/subscribers?q=maria%40example.org`, { headers: { cookie } })).text();
    expect(subscribers).toMatch(/maria@example\.org<\/td><td[^>]*>Confirmed/);
    await page.context().close();
  });

  it("lets staff see, filter, export and deliver an open letter's signatures, and the public page shows the delivery", async () => {
    const signer = await phone();
    await signLetter(signer, { name: "Omar Haddad", email: "omar@example.org", city: "Austin", zip: "78701", role: "physician" });
    await signer.getByRole("button", { name: "Confirm my signature" }).click();
    await signer.waitForURL(`${app.url}/letters/aamc/thanks`);
    await signer.context().close();

    const cookie = await signInOverHttp(app, sink, "admin@example.org");
    const [name, value] = cookie.split("=");
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    await context.addCookies([{ name, value, url: app.url }]);
    const page = await context.newPage();
    await page.goto(`${app.url}/admin`);
    await expect(page.locator(".stat-card").filter({ hasText: "open-letter signatures confirmed this week" }).locator(".stat-value")).toHaveText("2");
    await page.getByText("Console menu").click(); // a phone: the console's navigation is folded
    await page.locator(".console-nav-narrow").getByRole("link", { name: "Open letters" }).click();
    await page.waitForURL(`${app.url}/admin/open-letters`);
    await expectAccessible(page);
    await page.getByRole("link", { name: /AAMC/ }).first().click();
    await expect(page.locator(".lead")).toHaveText("2 signers, 1 of them unmatched graduates.");
    await expectAccessible(page);

    await page.getByLabel("State").selectOption("TX");
    await page.getByLabel("Signer").selectOption("physician");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/state=TX/);
    await expect(page.locator("table.data-table").first().locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("table.data-table").first()).toContainText("Omar Haddad");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.trim().split("\n")).toHaveLength(2);
    expect(csv).toContain("Omar Haddad,omar@example.org,Austin,TX,78701,physician,yes");

    await page.getByRole("link", { name: "Printable packet" }).click();
    await expect(page.getByRole("heading", { name: "2 people signed this letter" })).toHaveCount(1);
    await expect(page.locator("ol.packet-signers li")).toHaveText(["Maria Lopez, Syracuse, New York", "Omar Haddad, Austin, Texas"]);
    await expectAccessible(page);
    await page.goBack();

    await page.getByLabel("Delivered to").fill("the AAMC");
    await page.getByLabel("Date of delivery").fill("2026-03-12");
    await page.getByLabel("How").selectOption("email");
    await page.getByRole("button", { name: "Record the delivery" }).click();
    await expect(page.getByText("Delivered to the AAMC on March 12, 2026 by e-mail, with 2 signatures")).toHaveCount(1);
    await context.close();

    const visitor = await phone();
    await visitor.goto(`${app.url}/letters`);
    await expect(visitor.locator(".delivered-note").first()).toHaveText("Delivered to the AAMC on March 12, 2026.");
    await expectAccessible(visitor);
    await visitor.goto(`${app.url}/letters/aamc`);
    await expect(visitor.locator(".delivered-note")).toHaveText("Delivered to the AAMC on March 12, 2026.");
    await visitor.context().close();
  });

  it("fills a signed-in person's name and e-mail on the contact form, and “Keep me updated” there subscribes them at once", async () => {
    const cookie = await signInOverHttp(app, sink, "admin@example.org");
    const [name, value] = cookie.split("=");
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    await context.addCookies([{ name, value, url: app.url }]);
    const page = await context.newPage();
    await page.goto(`${app.url}/contact`);
    await expect(page.getByLabel("Your e-mail")).toHaveValue("admin@example.org");
    await expectAccessible(page);
    await page.getByLabel("Your name").fill("Ada Admin");
    await page.getByLabel("Subject").fill("Updates please");
    await page.getByLabel("Message").fill("I would like to hear about the next steps.");
    await page.getByRole("checkbox", { name: /Keep me updated/ }).check();
    await page.getByRole("button", { name: "Send message" }).click();
    await page.waitForURL(`${app.url}/contact/sent`);
    const subscribers = await (await fetch(`${app.url}/admin/subscribers?q=admin%40example.org`, { headers: { cookie } })).text();
    expect(subscribers).toMatch(/admin@example\.org<\/td><td[^>]*>Confirmed/);
    await context.close();
  });
});
