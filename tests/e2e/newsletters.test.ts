// Newsletters in a real browser: compose → preview → test send → send → live progress → results
// and the public archive; axe and a 390 px phone on the console and public pages.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { seriousViolations } from "~/tests/helpers/axe";
import { expect, launchChromium } from "~/tests/helpers/browser";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";
import { post } from "~/tests/helpers/http-session";

describe("newsletters in the browser", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    browser = await launchChromium();
    for (const email of ["reader1@example.org", "reader2@example.org", "reader3@example.org"]) {
      await post(app, "/newsletter", { email, source: "newsletter-page" });
      const mail = await sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Please confirm"));
      await post(app, "/newsletter/confirm", { token: new URL(findLink(mail, `${app.url}/newsletter/confirm?token=`)).searchParams.get("token")! });
    }
  }, 300_000); // a server and three subscriptions: minutes on a loaded 2-core machine
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

  it("composes, test-sends, sends, follows the progress and finds the newsletter in the archive", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, "admin@example.org");
    await page.goto(`${app.url}/admin/newsletters`);
    await page.getByRole("link", { name: "Write a newsletter" }).click();
    await page.getByLabel("Subject").fill("Autumn update");
    await page.getByLabel("Preheader").fill("What changed this season");
    await page.getByLabel("Newsletter (Markdown)").fill("# Autumn\n\nTwo states passed **new laws**.");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(/\/admin\/newsletters\/(?!new)[\w-]+$/);
    await expect(page.getByTestId("recipient-count")).toHaveText("3");
    expect(await seriousViolations(page, "compose")).toEqual([]);
    await expect(page.frameLocator('iframe[title="Preview of the e-mail"]').getByText("Two states passed")).toBeVisible();

    await page.getByRole("button", { name: "Send a test to myself" }).click();
    await expect(page.getByText("A test copy is on its way")).toBeVisible();
    await sink.waitFor((m) => m.to.includes("admin@example.org") && m.subject === "[Test] Autumn update");

    await page.getByRole("button", { name: "Send now to 3 people" }).click();
    await expect(page.getByRole("heading", { name: "Progress" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Sent so far" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Results" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("sent-count")).toHaveText("3");
    for (const email of ["reader1@example.org", "reader2@example.org", "reader3@example.org"]) await sink.waitFor((m) => m.to.includes(email) && m.subject === "Autumn update");
    expect(await seriousViolations(page, "results")).toEqual([]);

    await page.getByRole("link", { name: "Read it in the public archive" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Autumn update");
    const issueUrl = page.url();
    await page.goto(`${app.url}/newsletter/archive`);
    await expect(page.getByRole("link", { name: "Autumn update" })).toBeVisible();
    expect(await seriousViolations(page, "archive")).toEqual([]);
    // Its RSS feed, found from the archive page as a reader's feed reader finds it.
    const feedHref = await page.locator('link[rel="alternate"][type="application/rss+xml"][title$="Newsletter (RSS)"]').getAttribute("href");
    const feed = await context.request.get(new URL(feedHref!, app.url).toString());
    expect(feed.headers()["content-type"]).toMatch(/^application\/rss\+xml/);
    const rss = await feed.text();
    expect(rss).toMatch(/<item>\s*<title><!\[CDATA\[Autumn update\]\]><\/title>/);
    expect(rss).toContain(`<link>${issueUrl}</link>`);
    expect(rss).toContain("Two states passed");
    await context.close();
  });

  it("keeps the newsletter pages accessible and usable on a 390 px phone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, "admin@example.org");
    const mail = await sink.waitFor((m) => m.to.includes("reader1@example.org") && m.subject === "Welcome to our newsletter");
    const unsubscribe = mail.header("List-Unsubscribe")!.split(",")[0].trim().replace(/^<|>$/g, "");
    // On a phone the console's navigation is folded into "Console menu".
    await page.goto(`${app.url}/admin`);
    await page.getByText("Console menu").click();
    await page.locator(".console-nav-narrow").getByRole("link", { name: "Newsletters" }).click();
    await page.waitForURL(`${app.url}/admin/newsletters`);
    await page.getByRole("link", { name: "Autumn update" }).click(); // the sent one: its progress and results
    await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
    const sentPage = new URL(page.url()).pathname;
    for (const path of [
      sentPage,
      "/admin/newsletters",
      "/admin/newsletters/new",
      "/admin/newsletters/automations",
      "/admin/newsletters/suppressions",
      "/newsletter/archive",
      "/account/email-preferences",
      new URL(unsubscribe).pathname,
    ]) {
      await page.goto(`${app.url}${path}`);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > 391)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
          .slice(-3),
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} ${wide.join(" ")}`).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page, path)).toEqual([]);
    }
    await context.close();
  });
});
