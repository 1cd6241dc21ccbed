// Signing in and out in a real browser, the console's access rules, a role change and its audit entry.
import type { Browser, Page } from "playwright-core";
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
    const row = admin.locator("tbody tr", { hasText: "member@example.org" }).filter({ hasText: '"role":"staff"' });
    await expect(row).toHaveCount(1);
    await expect(row.first()).toContainText("admin@example.org");

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
  });
});
