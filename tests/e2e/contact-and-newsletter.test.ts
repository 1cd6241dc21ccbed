// The public forms in Chromium, with the mail they send caught by a real SMTP server: the
// contact form (and its errors, with and without JavaScript) and the newsletter's double opt-in.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../helpers/app-server";
import type { AppServer } from "../helpers/app-server";
import { findLink, startSmtpSink } from "../helpers/smtp-sink";
import type { SmtpSink } from "../helpers/smtp-sink";
import { expectNoStackTrace, launchBrowser, openPage } from "./browser";

const staffAddress = "info@allianceofmedicalgraduates.org";

describe("the contact and newsletter forms in a browser", () => {
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

  /** Clicks a submit button and returns the POST's response (the page that answers it). */
  const submit = async (page: Page, button: Locator, path: string) => {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url() === `${app.url}${path}`), button.click()]);
    await page.waitForLoadState();
    return response;
  };

  it("sends a contact message: the visitor lands on the sent page, staff get a notification they can reply to, the sender gets a receipt", async () => {
    const page = await openPage(browser);
    await page.goto(`${app.url}/contact`);
    await page.getByLabel("Your name").fill("Dr. Amina Yusuf");
    await page.getByLabel("Your e-mail").fill("amina.yusuf@example.org");
    await page.getByLabel("Subject").fill("Mentoring in family medicine");
    await page.getByLabel("Message").fill("I passed all three Step exams and would like a mentor for my next application.");
    await page.getByRole("button", { name: "Send message" }).click();
    await page.waitForURL(`${app.url}/contact/sent`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Thank you, your message is on its way");

    const notification = await sink.waitFor((m) => m.subject.startsWith("[Contact]") && m.text.includes("amina.yusuf@example.org"));
    expect(notification.subject).toBe("[Contact] Mentoring in family medicine");
    expect(notification.to).toEqual([staffAddress]);
    expect(notification.header("Reply-To")).toBe("amina.yusuf@example.org");
    expect(notification.text).toContain("I passed all three Step exams");

    const receipt = await sink.waitFor((m) => m.to.includes("amina.yusuf@example.org"));
    expect(receipt.to).toEqual(["amina.yusuf@example.org"]);
    expect(receipt.subject).toBe("We received your message: Mentoring in family medicine");
    expect(receipt.text).toContain("I passed all three Step exams");
    await page.context().close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`shows each problem beside its field and keeps what was typed (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const page = await openPage(browser, { javaScriptEnabled });
      await page.goto(`${app.url}/contact`);
      await page.getByLabel("Your name").fill("Grace Hopper");
      await page.getByLabel("Your e-mail").fill("grace@");
      await page.getByLabel("Subject").fill("A question about membership");
      await page.getByLabel("Message").fill("short");
      const response = await submit(page, page.getByRole("button", { name: "Send message" }), "/contact");
      expect(response.status()).toBe(400);
      expect(page.url()).toBe(`${app.url}/contact`);

      expect(await page.getByRole("alert").innerText()).toBe("Please correct the 2 fields marked below.");
      const expectError = async (label: string, message: string) => {
        const input = page.getByLabel(label, { exact: true });
        expect(await input.getAttribute("aria-invalid"), label).toBe("true");
        const errorId = `${await input.getAttribute("id")}-error`;
        expect((await input.getAttribute("aria-describedby"))?.split(" "), label).toContain(errorId);
        // Beside the field: in the field's own group, right after the control.
        const field = page.locator(".field", { has: input });
        expect(await field.locator(".error-message").innerText(), label).toBe(message);
        expect(await field.locator(`#${errorId}`).innerText(), label).toBe(message);
      };
      await expectError("Your e-mail", "Please enter an e-mail address like name@example.org.");
      await expectError("Message", "Please write at least 10 characters so we can help.");
      for (const label of ["Your name", "Subject"]) {
        expect(await page.getByLabel(label, { exact: true }).getAttribute("aria-invalid"), label).toBeNull();
      }
      expect(await page.locator(".error-message").count()).toBe(2);

      expect(await page.getByLabel("Your name").inputValue()).toBe("Grace Hopper");
      expect(await page.getByLabel("Subject").inputValue()).toBe("A question about membership");
      expect(await page.getByLabel("Your e-mail").inputValue()).toBe("grace@");
      expect(await page.getByLabel("Message").inputValue()).toBe("short");
      await expectNoStackTrace(page, "/contact with errors");

      // Correcting the two fields sends the message.
      await page.getByLabel("Your e-mail").fill(`grace-${javaScriptEnabled ? "js" : "nojs"}@example.org`);
      await page.getByLabel("Message").fill("Who can join AMG, and what does it cost?");
      await page.getByRole("button", { name: "Send message" }).click();
      await page.waitForURL(`${app.url}/contact/sent`);
      await sink.waitFor((m) => m.to.includes(`grace-${javaScriptEnabled ? "js" : "nojs"}@example.org`));
      await page.context().close();
    });
  }

  it("subscribes from the footer, confirms through the e-mailed link once, answers a repeat sign-up the same way, and unsubscribes by the link", async () => {
    const address = "reader@example.org";
    const page = await openPage(browser);
    await page.goto(app.url);
    const footerForm = page.locator("footer.site-footer form");
    await footerForm.getByLabel("E-mail address").fill(address);
    await footerForm.getByRole("button", { name: "Subscribe" }).click();
    await page.waitForURL(`${app.url}/newsletter/check-email`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Check your e-mail");
    const checkEmailPage = await page.locator("main").innerText();

    const mail = await sink.waitFor((m) => m.to.includes(address));
    expect(mail.subject).toBe("Please confirm your subscription to Alliance of Medical Graduates news");
    const unsubscribeLink = findLink(mail, `${app.url}/unsubscribe?token=`);
    expect(mail.header("List-Unsubscribe")).toBe(`<${unsubscribeLink}>`);
    expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // Opening the link only shows a button (a mail scanner following links confirms nothing).
    const confirmLink = findLink(mail, `${app.url}/newsletter/confirm?token=`);
    expect((await page.goto(confirmLink))?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Confirm your subscription");
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await page.waitForURL(`${app.url}/newsletter/confirmed`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("You are subscribed");

    await page.goto(confirmLink);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("This link cannot be used");
    expect(await page.getByRole("button", { name: "Confirm my subscription" }).count()).toBe(0);

    // The same address again: the very same page, nothing saying it is already on the list.
    await page.goto(`${app.url}/newsletter`);
    await page.locator("main").getByLabel("Your e-mail").fill(address);
    const again = await submit(page, page.locator("main").getByRole("button", { name: "Subscribe" }), "/newsletter");
    expect(again.status()).toBe(302);
    await page.waitForURL(`${app.url}/newsletter/check-email`);
    expect(await page.locator("main").innerText()).toBe(checkEmailPage);
    expect(await page.content()).not.toMatch(/already/i);
    // Only the mailbox's owner learns that nothing changed.
    const notice = await sink.waitFor((m) => m.to.includes(address) && m !== mail);
    expect(notice.subject).toBe("You are already subscribed to Alliance of Medical Graduates news");

    expect((await page.goto(unsubscribeLink))?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("You are unsubscribed");
    expect(await page.locator("main").innerText()).toContain(address);
    await page.context().close();
  });
});
