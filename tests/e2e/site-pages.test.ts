// The public pages in Chromium: the home page's calls to action and footer, the 404 page,
// the header by keyboard alone (desktop and phone), and axe-core on every public page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../helpers/app-server";
import type { AppServer } from "../helpers/app-server";
import { startSmtpSink } from "../helpers/smtp-sink";
import type { SmtpSink } from "../helpers/smtp-sink";
import { desktop, expectNoSeriousAxeViolations, expectNoStackTrace, launchBrowser, openPage, phone } from "./browser";

describe("the public pages in a browser", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    [app, browser] = await Promise.all([startAppServer({ SMTP_URL: sink.url }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.close();
  });

  /** What has keyboard focus: its tag, href and visible text. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName.toLowerCase() ?? null, href: el?.getAttribute("href") ?? null, text: el?.innerText.trim() ?? "" };
    });

  it("shows every call to action on the home page, each leading to a page with a heading, and the office status and e-mail in the footer", async () => {
    const page = await openPage(browser);
    const response = await page.goto(app.url);
    expect(response?.status()).toBe(200);
    await expectNoStackTrace(page, "/");

    const ctas = await page
      .locator(".cta-card")
      .evaluateAll((links) => links.map((a) => ({ title: a.querySelector(".cta-title")?.textContent?.trim(), href: a.getAttribute("href") })));
    expect(ctas).toEqual([
      { title: "Become a member", href: "/join" },
      { title: "Subscribe", href: "/newsletter" },
      { title: "Contact your legislators", href: "/act" },
      { title: "Sign the open letters", href: "/letters" },
    ]);

    // Follow each link by clicking it, as a visitor would.
    for (const { title, href } of ctas) {
      await page.goto(app.url);
      const [target] = await Promise.all([
        page.waitForResponse((r) => r.url() === `${app.url}${href}` && r.request().isNavigationRequest()),
        page.locator(".cta-card", { hasText: title! }).click(),
      ]);
      await page.waitForURL(`${app.url}${href}`);
      expect(target.status(), href!).toBe(200);
      const h1 = page.getByRole("heading", { level: 1 });
      expect(await h1.count(), `${href} has one h1`).toBe(1);
      expect((await h1.innerText()).trim().length, `${href} h1 has text`).toBeGreaterThan(3);
      await expectNoStackTrace(page, href!);
    }

    await page.goto(app.url);
    const status = page.locator("footer .office-status");
    const statusText = (await status.innerText()).trim();
    expect(statusText).toMatch(/^Office: (Open now — until \d{1,2}:\d{2} [ap]m ET|Closed — opens (today|tomorrow|\w+day|\w+day, \w{3} \d{1,2}) \d{1,2}:\d{2} [ap]m ET)$/);
    // The coloured dot's class agrees with the words.
    expect(await status.getAttribute("class")).toContain(statusText.includes("Open now") ? "is-open" : "is-closed");
    const email = page.locator("footer address a[href^='mailto:']");
    expect(await email.innerText()).toBe("info@allianceofmedicalgraduates.org");
    expect(await email.getAttribute("href")).toBe("mailto:info@allianceofmedicalgraduates.org");
    await page.context().close();
  });

  it("answers an unknown address with a 404 page that has the site's header and footer and says the page was not found", async () => {
    const page = await openPage(browser);
    const response = await page.goto(`${app.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()["content-type"]).toContain("text/html");
    await expect(page.title()).resolves.toMatch(/not found/i);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toMatch(/could not find that page|not found/i);
    expect(await page.locator("header.site-header nav[aria-label='Main']").first().getByRole("link").count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator("footer.site-footer .office-status").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Go to the home page" }).getAttribute("href")).toBe("/");
    await expectNoStackTrace(page, "/no-such-page");
    await page.context().close();
  });

  it("lets a keyboard user reach the skip link, the brand and each main navigation link in order, and follow one with Enter", async () => {
    const page = await openPage(browser, { viewport: desktop });
    await page.goto(app.url);

    await page.keyboard.press("Tab");
    expect(await focused(page)).toEqual({ tag: "a", href: "#main", text: "Skip to main content" });
    // The skip link is off-screen until focused, then it must be on screen.
    const skip = await page.locator(".skip-link").boundingBox();
    expect(skip && skip.x >= 0 && skip.y >= 0).toBe(true);

    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "a", href: "/" });
    expect((await focused(page)).text).toContain("Alliance of Medical Graduates");

    const navigation = [
      ["/about", "About"],
      ["/numbers", "The numbers"],
      ["/act", "Contact legislators"],
      ["/letters", "Open letters"],
      ["/newsletter", "Newsletter"],
      ["/contact", "Contact"],
      ["/join", "Become a member"],
      ["/sign-in", "Sign in"],
    ];
    for (const [href, text] of navigation) {
      await page.keyboard.press("Tab");
      expect(await focused(page)).toEqual({ tag: "a", href, text });
      // Every focused link is one the visitor can see (the wide navigation, not the folded menu).
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest("nav")?.className)).toBe("nav-wide");
    }

    // From a fresh page load: skip link, brand, About, The numbers — then Enter.
    await page.goto(`${app.url}/about`);
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    expect(await focused(page)).toEqual({ tag: "a", href: "/numbers", text: "The numbers" });
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}/numbers`);
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    await page.context().close();
  });

  it("opens the Menu by keyboard on a phone and makes its navigation links reachable and visible", async () => {
    const page = await openPage(browser, { viewport: phone, isMobile: true, hasTouch: true });
    await page.goto(app.url);
    const menu = page.locator("details.nav-narrow");
    const narrowLinks = menu.getByRole("link");
    expect(await page.locator("nav.nav-wide").isVisible()).toBe(false);
    expect(await narrowLinks.first().isVisible()).toBe(false);

    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // brand
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "summary", text: "Menu" });
    expect(await menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

    await page.keyboard.press("Enter");
    expect(await menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const labels = ["About", "The numbers", "Contact legislators", "Open letters", "Newsletter", "Contact", "Become a member", "Sign in"];
    expect(await narrowLinks.allInnerTexts()).toEqual(labels);
    for (const label of labels) {
      await page.keyboard.press("Tab");
      expect((await focused(page)).text).toBe(label);
      const link = menu.getByRole("link", { name: label, exact: true });
      expect(await link.isVisible(), `${label} is visible`).toBe(true);
      // Inside the phone's screen, not cut off to the side.
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
    }
    await page.context().close();
  });

  it("has no serious or critical accessibility violations on any public page, including the 404 page and the contact form with errors", async () => {
    // axe-core is injected as a script, which the site's Content-Security-Policy would refuse.
    const page = await openPage(browser, { bypassCSP: true });
    const paths = [
      "/",
      "/about",
      "/numbers",
      "/contact",
      "/newsletter",
      "/join",
      "/act",
      "/letters",
      "/newsletter/check-email",
      "/newsletter/confirmed",
      "/newsletter/confirm?token=not-a-real-token",
      "/contact/sent",
      "/sign-in",
      "/no-such-page",
    ];
    for (const path of paths) {
      const response = await page.goto(`${app.url}${path}`);
      expect(response?.status(), path).toBe(path === "/no-such-page" ? 404 : 200);
      await expectNoStackTrace(page, path);
      await expectNoSeriousAxeViolations(page, path);
    }

    await page.goto(`${app.url}/contact`);
    await page.getByLabel("Your e-mail").fill("not-an-address");
    await page.getByLabel("Message").fill("short");
    await page.getByRole("button", { name: "Send message" }).click();
    await page.locator("#field-email-error").waitFor();
    expect(await page.locator(".error-message").count()).toBe(4);
    await expectNoStackTrace(page, "/contact with errors");
    await expectNoSeriousAxeViolations(page, "/contact with errors");

    await page.setViewportSize(phone);
    await page.goto(app.url);
    await page.locator("details.nav-narrow summary").click();
    await expectNoSeriousAxeViolations(page, "/ on a phone with the menu open");
    await page.context().close();
  });
});
