// The public site in Debian's Chromium: calls to action, contact, newsletter double opt-in,
// keyboard navigation, and axe-core on every public page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { seriousViolations } from "~/tests/helpers/axe";
import { expect, launchChromium } from "~/tests/helpers/browser";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("the public site in a browser", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.close();
  });

  const newPage = async (options: { javaScriptEnabled?: boolean; width?: number; height?: number } = {}) => {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: options.height ?? 800 } });
    return context.newPage();
  };

  it("shows what AMG is, its figures with sources, and five calls to action that lead somewhere", async () => {
    const page = await newPage();
    const res = await page.goto(app.url);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Trained doctors");
    await expect.poll(() => page.locator(".figure-card").count()).toBeGreaterThanOrEqual(4);
    await expect(page.locator(".figure-card").first()).toContainText("Source: AMG");
    await expect(page.locator(".figure-official").first()).toHaveText(/Official figure:.*Source:/);
    const ctas = page.locator(".cta-card");
    await expect(ctas).toHaveCount(5);
    const targets = await ctas.evaluateAll((links) => links.map((a) => [a.querySelector(".cta-title")?.textContent, a.getAttribute("href")]));
    expect(targets).toEqual([
      ["Become a member", "/join"],
      ["Mentor a graduate", "/mentors"],
      ["Subscribe", "/newsletter"],
      ["Contact your legislators", "/act"],
      ["Sign the open letters", "/letters"],
    ]);
    for (const [, href] of targets) {
      const target = await newPage();
      expect((await target.goto(`${app.url}${href}`))?.status(), href!).toBe(200);
      await expect(target.getByRole("heading", { level: 1 }), href!).toHaveCount(1);
      await target.context().close();
    }
    await expect(page.locator(".office-status")).toHaveText(/Office: (Open now — until \d{1,2}:\d{2} [ap]m ET|Closed — opens .+ \d{1,2}:\d{2} [ap]m ET)/);
    await expect(page.locator("footer address")).toContainText("Syracuse, NY");
    await page.context().close();
  });

  it("sends a contact message and a receipt, from a form that works with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await newPage({ javaScriptEnabled });
      const email = `writer-${javaScriptEnabled ? "js" : "nojs"}@example.org`;
      await page.goto(`${app.url}/contact`);
      await page.getByLabel("Your name").fill("Dr. Amina Yusuf");
      await page.getByLabel("Your e-mail").fill(email);
      await page.getByLabel("Subject").fill(`Mentoring (${javaScriptEnabled ? "js" : "no js"})`);
      await page.getByLabel("Message").fill("I would like a mentor in family medicine.");
      await page.getByRole("button", { name: "Send message" }).click();
      await page.waitForURL(`${app.url}/contact/sent`);
      const staff = await sink.waitFor((m) => m.subject === `[Contact] Mentoring (${javaScriptEnabled ? "js" : "no js"})`);
      expect(staff.header("Reply-To")).toBe(email);
      const receipt = await sink.waitFor((m) => m.to.includes(email));
      expect(receipt.subject).toContain("We received your message");
      await page.context().close();
    }
  });

  it("shows each problem beside its field and keeps what was typed, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await newPage({ javaScriptEnabled });
      await page.goto(`${app.url}/contact`);
      await page.getByLabel("Your name").fill("Grace");
      await page.getByLabel("Your e-mail").fill("grace@");
      await page.getByLabel("Subject").fill("A question");
      await page.getByLabel("Message").fill("short");
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Send message" }).click()]);
      expect(response.status()).toBe(400);
      await page.locator("#field-email-error").waitFor();
      await expect(page.locator("#field-email-error")).toHaveText("Please enter an e-mail address like name@example.org.");
      await expect(page.locator("#field-message-error")).toHaveText("Please write at least 10 characters so we can help.");
      await expect(page.getByLabel("Your e-mail")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Your name")).toHaveValue("Grace");
      await expect(page.getByLabel("Subject")).toHaveValue("A question");
      await expect(page.getByLabel("Message")).toHaveValue("short");
      await page.context().close();
    }
  });

  it("subscribes from the footer, confirms through the e-mailed link, and unsubscribes in one click", async () => {
    const page = await newPage();
    await page.goto(app.url);
    await page.locator("#footer-email").fill("reader@example.org");
    await page.locator("footer").getByRole("button", { name: "Subscribe" }).click();
    await page.waitForURL(`${app.url}/newsletter/check-email`);
    const mail = await sink.waitFor((m) => m.to.includes("reader@example.org"));
    expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const confirmLink = findLink(mail, `${app.url}/newsletter/confirm?token=`);
    await page.goto(confirmLink);
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await page.waitForURL(`${app.url}/newsletter/confirmed`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are subscribed");
    await page.goto(confirmLink);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link cannot be used");

    // Subscribing again looks exactly like the first time.
    await page.goto(`${app.url}/newsletter`);
    await page.getByLabel("Your e-mail").fill("reader@example.org");
    await page.locator("main").getByRole("button", { name: "Subscribe" }).click();
    await page.waitForURL(`${app.url}/newsletter/check-email`);

    await page.goto(findLink(mail, `${app.url}/unsubscribe?token=`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are unsubscribed");
    await page.context().close();
  });

  it("signs an open letter, confirmed through the e-mailed link, and counts it once", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${app.url}/letters`);
    await page.getByRole("link", { name: "Read and sign" }).first().click();
    await page.waitForURL(`${app.url}/letters/aamc`);
    // The field holds the signed stamp "<milliseconds>.<signature>".
    const rendered = Number((await page.locator('input[name="rendered"]').getAttribute("value"))?.split(".")[0]);
    await page.getByLabel("Your name", { exact: true }).fill("Maria Lopez");
    await page.getByLabel("Your e-mail", { exact: true }).fill("maria@example.org");
    await page.getByLabel("ZIP code", { exact: true }).fill("13202");
    await page.getByLabel("I am").selectOption("unmatched-graduate");
    await page.getByLabel("Show my first name and state").check();
    // The form's time trap refuses a form sent back within two seconds of the page being made.
    await expect.poll(() => Date.now() - rendered, { intervals: [100], timeout: 5000 }).toBeGreaterThan(2100);
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await page.waitForURL(`${app.url}/letters/aamc/check-email#sign-heading`); // the form's fragment (it opens a failed form at its message) carries over
    const mail = await sink.waitFor((m) => m.to.includes("maria@example.org") && m.subject.includes("confirm your signature"));
    await page.goto(findLink(mail, `${app.url}/letters/confirm?token=`));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await page.waitForURL(`${app.url}/letters/aamc/thanks`);
    // One signature is below the public-counters threshold (25): an invitation, not a small number.
    await expect(page.locator(".progress p")).toContainText("You are among the first to sign");
    await page.context().close();
  });

  it("can be used by keyboard alone: skip link, brand, then each navigation link; Enter follows it", async () => {
    const page = await newPage();
    await page.goto(`${app.url}/about`);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    await page.keyboard.press("Tab");
    await expect.poll(focused).toBe("Skip to main content");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => [document.activeElement?.getAttribute("href"), document.activeElement?.textContent])).toEqual(["/", "AMGAlliance of Medical Graduates"]);
    for (const label of ["About", "News", "The numbers", "Contact legislators", "Open letters", "Newsletter", "Contact", "Become a member", "Sign in"]) {
      await page.keyboard.press("Tab");
      await expect.poll(focused).toBe(label);
    }
    for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+Tab");
    await expect.poll(focused).toBe("The numbers");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}/numbers`);
  });

  it("opens the menu by keyboard on a phone", async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(app.url);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Menu");
    await expect(page.locator(".nav-narrow").getByRole("link", { name: "The numbers" })).toBeHidden();
    await page.keyboard.press("Enter");
    await expect(page.locator(".nav-narrow").getByRole("link", { name: "The numbers" })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("About");
    await page.context().close();
  });

  it("fits a phone's width on every public page (no sideways scrolling)", async () => {
    const page = await newPage({ width: 390, height: 844 });
    for (const path of [
      "/",
      "/about",
      "/numbers",
      "/contact",
      "/newsletter",
      "/join",
      "/join/apply",
      "/act",
      "/act?zip=10001",
      "/act/state/NY?q=22",
      "/act/collaborative-practice",
      "/act/collaborative-practice?zip=99901",
      "/act/residency-shortage-act?zip=10001",
      "/letters",
      "/letters/aamc",
      "/sign-in",
    ]) {
      await page.goto(`${app.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await page.context().close();
  });

  it("answers an unknown address with a 404 page in the site's design", async () => {
    const page = await newPage();
    const res = await page.goto(`${app.url}/no-such-page`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
    await expect(page.locator("header.site-header")).toHaveCount(1);
    await expect(page.locator("footer.site-footer")).toHaveCount(1);
    await page.context().close();
  });

  it("has no serious or critical accessibility violations on any public page", async () => {
    const paths = [
      "/",
      "/about",
      "/numbers",
      "/contact",
      "/contact/sent",
      "/newsletter",
      "/newsletter/check-email",
      "/newsletter/confirmed",
      "/join",
      "/join/apply",
      "/act",
      "/act?zip=10001",
      "/act?zip=1",
      "/act/state/NY?q=22",
      "/act/collaborative-practice",
      "/act/collaborative-practice?zip=99901",
      "/act/residency-shortage-act?zip=10001",
      "/act/residency-shortage-act?zip=00000",
      "/act/residency-shortage-act/thanks",
      "/letters",
      "/letters/aamc",
      "/letters/aamc/check-email",
      "/sign-in",
      "/no-such-page",
    ];
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const audit = async (label: string) => {
      expect(await seriousViolations(page, label)).toEqual([]);
    };
    for (const path of paths) {
      await page.goto(`${app.url}${path}`);
      await audit(path);
    }
    await page.goto(`${app.url}/contact`);
    await page.getByRole("button", { name: "Send message" }).click();
    await page.locator(".error-message").first().waitFor();
    await audit("/contact with errors");
    for (const width of [390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(app.url);
      await audit(`/ at ${width}px`);
    }
    await context.close();
    // 26 pages, each audited by axe: a ceiling for a loaded machine, not a speed target.
  }, 180_000);
});
