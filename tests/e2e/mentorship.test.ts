// Mentorship in a real browser, on a 390 px phone: a physician offers to mentor on /mentors, opens
// the e-mailed link (which signs them in), and staff approve them; then a member asks for a mentor
// from /account, staff run a round, read the proposed pair with its reasons and confirm it, both are
// introduced by e-mail, the mentor accepts and logs a meeting, the member ends the mentorship with a
// reason and gives feedback. Every page walked passes axe and never scrolls sideways.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { seriousViolations } from "~/tests/helpers/axe";
import { expect, launchChromium } from "~/tests/helpers/browser";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
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
    const mail = await sink.waitFor((m) => sink.messages.indexOf(m) >= before && m.to.includes(email) && m.subject.includes("sign-in"));
    await page.goto(findLink(mail, `${app.url}/sign-in/verify?token=`));
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
    await expect(staff.getByRole("status")).toContainText("Mentor approved");
    await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject === "You are now an AMG mentor");
    await staff.goto(`${app.url}/admin/mentorship`);
    await expectAccessible(staff, "/admin/mentorship");

    await page.reload();
    await expect(page.getByRole("button", { name: "Pause: no new mentees for now" })).toBeVisible();
    await phone.close();
    await console.close();
  }, 180_000);

  // Continues from the approval above: Ana Rivera (family medicine, NY, Spanish, interviews, weekends) is a mentor.
  it("takes a member's request through a round, the introduction, acceptance, the log, the end and feedback", async () => {
    const phone = { viewport: { width: 390, height: 844 }, bypassCSP: true };
    const staffContext = await browser.newContext(phone);
    const staff = await staffContext.newPage();
    await signIn(staff, "admin@example.org");
    await staff.goto(`${app.url}/admin/people`);
    await staff.getByText("Add a person").click();
    await staff.getByLabel("E-mail", { exact: true }).fill("maria@example.org");
    await staff.getByLabel("First role").selectOption("member");
    await staff.getByRole("button", { name: "Add", exact: true }).click();
    await expect(staff.getByRole("status")).toContainText("Person added");

    // The member asks for a mentor from their account.
    const memberContext = await browser.newContext(phone);
    const member = await memberContext.newPage();
    await signIn(member, "maria@example.org");
    await member.getByRole("link", { name: "Ask for a mentor" }).click();
    await member.waitForURL(/\/account\/mentor$/);
    await expectAccessible(member, "/account/mentor");
    await member.getByLabel("Your name, as your mentor will see it").fill("Maria Lopez");
    await member.getByLabel("What you hope a mentor helps with").fill("Interviews, and a plan for the SOAP in March.");
    await member.getByLabel("Interviews").check();
    await member.getByLabel("Family Medicine", { exact: true }).check();
    await member.getByLabel("States where you hope to train").fill("NY");
    await member.getByLabel("The language you would like to be mentored in").fill("Spanish");
    await member.getByLabel("Weekends").check();
    await member.getByRole("button", { name: "Ask for a mentor" }).click();
    await expect(member.getByText("Your request is saved.")).toBeVisible();
    await expect(member.getByText("You are number 1 of the 1 member waiting.")).toBeVisible();
    await expectAccessible(member, "/account/mentor (waiting)");

    // Staff run a round, read the proposed pair and why, and confirm it.
    await staff.goto(`${app.url}/admin/mentorship`);
    await staff.getByRole("button", { name: "Run a round" }).click();
    await staff.waitForURL(/\/admin\/mentorship\/rounds\//);
    const proposal = staff.getByRole("row", { name: /Maria Lopez/ });
    await expect(proposal).toContainText("Ana Rivera (Family Medicine)");
    await expect(proposal).toContainText("same specialty: family medicine");
    await expect(proposal).toContainText("both speak Spanish");
    await expect(staff.getByText(/a greedy matching \(best pair first\) would give/)).toBeVisible();
    await expectAccessible(staff, "/admin/mentorship/rounds/…");
    expect(sink.messages.some((m) => m.to.includes("maria@example.org") && m.subject.startsWith("Introduction"))).toBe(false);
    await staff.getByRole("button", { name: "Confirm and introduce everyone not rejected" }).click();
    await expect(staff.getByText("Confirmed: 1 pair introduced by e-mail.")).toBeVisible();
    const intro = await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject === "Introduction: Maria Lopez would like you as their mentor");
    await sink.waitFor((m) => m.to.includes("maria@example.org") && m.subject === "Introduction: Ana Rivera has been proposed as your mentor");

    // The mentor accepts from the introduction's link, and logs a meeting on the pair's page.
    const mentorContext = await browser.newContext(phone);
    const mentor = await mentorContext.newPage();
    await signIn(mentor, "dr.rivera@example.org");
    const pairUrl = findLink(intro, `${app.url}/mentorships/`);
    await mentor.goto(pairUrl);
    await expect(mentor.getByRole("heading", { name: "Will you mentor Maria Lopez?" })).toBeVisible();
    await expectAccessible(mentor, "/mentorships/… (introduction)");
    await mentor.getByRole("button", { name: "Accept", exact: true }).click();
    await expect(mentor.getByText("You accepted.")).toBeVisible();
    await sink.waitFor((m) => m.to.includes("maria@example.org") && m.subject === "Ana Rivera accepted: your mentorship has started");
    await mentor.getByLabel("Length in minutes").fill("45");
    await mentor.getByLabel("interviews", { exact: true }).check();
    await mentor.getByRole("textbox", { name: "Notes (optional)" }).fill("Mock interview; next time, the SOAP list.");
    await mentor.getByRole("button", { name: "Add to the log" }).click();
    await expect(mentor.getByText("The meeting is in the log.")).toBeVisible();
    await expect(mentor.locator(".meeting-log")).toContainText("45 minutes: interviews");
    await expectAccessible(mentor, "/mentorships/… (active)");

    // The member sees the shared note, ends the mentorship with a reason, then gives feedback.
    await member.goto(pairUrl);
    await expect(member.locator(".meeting-log")).toContainText("Mock interview; next time, the SOAP list.");
    await member.getByLabel("Reason (the other side sees it)").fill("I matched in March: thank you!");
    await member.getByRole("button", { name: "End the mentorship", exact: true }).click();
    await expect(member.getByText("The mentorship has ended. The other side has been told by e-mail.")).toBeVisible();
    const ended = await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject === "Your mentorship with Maria Lopez has ended");
    expect(ended.text).toContain("I matched in March: thank you!");
    await member.getByLabel("How helpful has this mentorship been?").selectOption("4");
    await member.getByRole("textbox", { name: "Comment (optional)" }).fill("Practical and kind.");
    await member.getByRole("button", { name: "Send feedback" }).click();
    await expect(member.getByText("Thank you for your feedback.")).toBeVisible();
    await expectAccessible(member, "/mentorships/… (ended)");

    // The dashboard counts it, and says "fewer than 10" rather than a small number.
    await staff.goto(`${app.url}/admin/mentorship`);
    await expect(staff.getByText("Mentees at the end: fewer than 10 answers, average not shown (fewer than 10)")).toBeVisible();
    await expect(staff.getByText("Ended: fewer than 10")).toBeVisible();
    await expectAccessible(staff, "/admin/mentorship (after)");
    await Promise.all([staffContext.close(), memberContext.close(), mentorContext.close()]);
  }, 180_000);
});
