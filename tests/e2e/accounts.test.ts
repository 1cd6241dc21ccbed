// Signing in and out in a real browser, the console's access rules, a role change and its audit entry.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { seriousViolations } from "~/tests/helpers/axe";
import { expect, launchChromium } from "~/tests/helpers/browser";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("accounts in the browser", () => {
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

  /** Asks for a link on the sign-in page and opens the link from the e-mail in the same browser. */
  async function signIn(page: Page, email: string, via: "link" | "code" = "link") {
    const before = sink.messages.length;
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("Your e-mail").fill(email);
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    await page.waitForURL(/\/sign-in\/check/);
    const mail = await sink.waitFor((m) => sink.messages.indexOf(m) >= before && m.to.includes(email));
    if (via === "link") {
      await page.goto(mail.text.match(/http:\/\/localhost:\d+\/sign-in\/verify\?token=\S+/)![0]);
    } else {
      await page.getByLabel("6-digit code").fill(mail.text.match(/sign-in page: (\d{3} \d{3})/)![1]);
      await page.getByRole("button", { name: "Sign in" }).click();
    }
    await page.waitForURL(/\/account$/);
  }

  it("signs in with the e-mailed link and out again", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "admin@example.org");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
    await expect(page.getByText("Signed in as")).toContainText("admin@example.org");
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(`${app.url}/`);
    await page.goto(`${app.url}/admin`);
    await expect(page).toHaveURL(`${app.url}/sign-in?next=%2Fadmin`);
    await context.close();
  });

  it("does not sign in a browser that did not ask, such as a mail scanner's", async () => {
    const asking = await browser.newContext();
    const page = await asking.newPage();
    const before = sink.messages.length;
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("Your e-mail").fill("admin@example.org");
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    await page.waitForURL(/\/sign-in\/check/);
    const mail = await sink.waitFor((m) => sink.messages.indexOf(m) >= before && m.to.includes("admin@example.org"));
    const link = mail.text.match(/http:\/\/localhost:\d+\/sign-in\/verify\?token=\S+/)![0];

    const scanner = await browser.newContext();
    const scannerPage = await scanner.newPage();
    await scannerPage.goto(link);
    await expect(scannerPage.getByRole("heading", { level: 1 })).toHaveText("Open this link where you asked to sign in");
    await scannerPage.goto(`${app.url}/admin`);
    await expect(scannerPage).toHaveURL(/\/sign-in\?next=/);
    await scanner.close();

    await page.goto(link); // still works where it was asked for
    await page.waitForURL(/\/account$/);
    await asking.close();
  });

  it("answers a member 403 on the console, and lets them in once an admin grants the staff role, with an audit entry", async () => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, "admin@example.org", "code");
    await admin.goto(`${app.url}/admin/people`);
    await admin.getByText("Add a person").click();
    await admin.getByLabel("E-mail", { exact: true }).fill("member@example.org");
    await admin.getByLabel("First role").selectOption("member");
    await admin.getByRole("button", { name: "Add", exact: true }).click();
    await admin.waitForURL(/\/admin\/people\/[\w-]+$/);
    const personUrl = admin.url();

    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await signIn(member, "member@example.org");
    const denied = await member.goto(`${app.url}/admin`);
    expect(denied?.status()).toBe(403);
    await expect(member.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");

    await admin.goto(personUrl);
    await admin.getByRole("button", { name: "Grant staff" }).click();
    await admin.waitForURL(personUrl);
    await expect(admin.getByRole("button", { name: "Revoke staff" })).toHaveCount(1);

    const allowed = await member.goto(`${app.url}/admin`);
    expect(allowed?.status()).toBe(200);
    await expect(member.getByRole("heading", { level: 1 })).toHaveText("Dashboard");

    await admin.goto(`${app.url}/admin/audit?action=role.grant`);
    const row = admin.locator("tbody tr", { hasText: "member@example.org" }).filter({ hasText: "role: staff" });
    await expect(row).toHaveCount(1);
    await expect(row.first()).toContainText("admin@example.org");
    await expect(row.first()).toContainText("Gave a role");

    // The console's pages pass axe-core too (a context without CSP so axe can be injected).
    const auditContext = await browser.newContext({ bypassCSP: true });
    await auditContext.addCookies(await adminContext.cookies());
    const auditPage = await auditContext.newPage();
    for (const path of [
      "/admin",
      "/admin/inbox",
      "/admin/subscribers",
      "/admin/outbox",
      "/admin/people",
      personUrl.replace(app.url, ""),
      "/admin/applications",
      "/admin/figures",
      "/admin/figures/shortage-areas",
      "/admin/legislators?q=NY",
      "/admin/legislators/M001231",
      "/admin/audit",
      "/admin/settings",
      "/account",
      "/account/two-factor",
      "/admin/applications",
      "/admin/campaigns",
      "/admin/campaigns/new",
      "/admin/campaigns/residency-shortage-act",
      "/admin/campaigns/residency-shortage-act/supporters?state=NY",
      "/admin/campaigns/residency-shortage-act/results",
      "/admin/state-pathways",
      "/admin/state-pathways/MO",
      "/admin/state-legislators?q=AK",
      "/admin/state-legislators/b2eaa848-d651-4521-9abb-21b68da5d5c6",
    ]) {
      await auditPage.goto(`${app.url}${path}`);
      expect(await seriousViolations(auditPage, path)).toEqual([]);
    }
    await auditContext.close();
    await adminContext.close();
    await memberContext.close();
  }, 180_000);
  // One staff session for the console scenarios below (sign-in mails per address are limited); the last one signs it out.
  let staffCookies: Awaited<ReturnType<BrowserContext["cookies"]>> | null = null;
  async function staffContext(options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
    if (!staffCookies) {
      const first = await browser.newContext();
      await signIn(await first.newPage(), "admin@example.org", "code");
      staffCookies = await first.cookies();
      await first.close();
    }
    const context = await browser.newContext(options);
    await context.addCookies(staffCookies);
    return context;
  }

  it("shows a confirmation once after a console action", async () => {
    const context = await staffContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/admin/figures/shortage-areas`);
    await page.getByRole("button", { name: "Save figure" }).click();
    await page.waitForURL(`${app.url}/admin/figures/shortage-areas`);
    await expect(page.getByRole("status")).toHaveText("Figure saved. The home and numbers pages show it now.");
    await page.reload();
    await expect(page.getByText("Figure saved.")).toHaveCount(0);
    await context.close();
  });

  it("fits every console and account page on a 390 px phone, folds the console menu, and passes axe there", async () => {
    const phone = await staffContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await phone.newPage();
    await page.goto(`${app.url}/admin`);
    const menu = page.locator("details.console-nav-narrow");
    await expect(menu).toBeVisible();
    await expect(page.locator("nav.console-nav-wide")).toBeHidden();
    await expect(menu.getByRole("link", { name: "Audit log" })).toBeHidden();
    await menu.locator("summary").click();
    await expect(menu.getByRole("link", { name: "Audit log" })).toBeVisible();

    const wide: string[] = [];
    for (const path of [
      "/admin",
      "/admin/applications",
      "/admin/applications/import",
      "/admin/inbox",
      "/admin/subscribers",
      "/admin/outbox",
      "/admin/figures",
      "/admin/figures/shortage-areas",
      "/admin/people",
      "/admin/campaigns",
      "/admin/campaigns/new",
      "/admin/campaigns/residency-shortage-act",
      "/admin/campaigns/residency-shortage-act/supporters?state=NY",
      "/admin/campaigns/residency-shortage-act/results",
      "/admin/state-pathways",
      "/admin/state-pathways/MO",
      "/admin/legislators?q=NY",
      "/admin/legislators/M001231",
      "/admin/state-legislators?q=AK",
      "/admin/state-legislators/b2eaa848-d651-4521-9abb-21b68da5d5c6",
      "/admin/audit",
      "/admin/settings",
      "/account",
      "/account/two-factor",
      "/account/cycles",
      "/account/profile",
      "/account/delete",
    ]) {
      await page.goto(`${app.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width}px`);
      expect(await seriousViolations(page, `${path} at 390 px`)).toEqual([]);
    }
    expect(wide).toEqual([]);
    await phone.close();
  }, 240_000);
  it("signs staff out from any console page, without JavaScript, and shows the console's own layout", async () => {
    const context = await staffContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/admin/outbox`);
    await expect(page.getByRole("navigation", { name: "Staff console" })).toBeVisible();
    // The public site's marketing header and newsletter footer stay outside the console.
    await expect(page.getByRole("link", { name: "Become a member" })).toHaveCount(0);
    await expect(page.getByText("Get our newsletter")).toHaveCount(0);
    await expect(page.locator("header")).toContainText("admin@example.org");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${app.url}/`);
    await page.goto(`${app.url}/admin`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin/);
    await context.close();
  });
});
