// Newsletters over HTTP, against the production build and a real SMTP server: a subscriber's
// welcome e-mail, compose and send from the console, the RFC 8058 headers parsed from the message
// as received, the one-click POST (no session, no CSRF), the preferences page, the bounce
// webhook (shared secret, zod-validated) and the public archive with its RSS feed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { parseHtml } from "~/tests/helpers/html-page";
import { csrfTokenOf, post, signInOverHttp } from "~/tests/helpers/http-session";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

const secret = "a-webhook-secret-for-tests";

describe("newsletters over HTTP", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let admin = "";
  let newsletterPath = "";

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org", MAIL_WEBHOOK_SECRET: secret });
    for (const email of ["ann@example.org", "bob@example.org"]) {
      expect((await post(app, "/newsletter", { email, source: "newsletter-page" })).status).toBe(302);
      const mail = await sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Please confirm"));
      const token = new URL(findLink(mail, `${app.url}/newsletter/confirm?token=`)).searchParams.get("token")!;
      expect((await post(app, "/newsletter/confirm", { token })).status).toBe(302);
    }
    admin = await signInOverHttp(app, sink, "admin@example.org");
  }, 300_000); // a server, two subscriptions and a sign-in: minutes on a loaded 2-core machine
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  it("welcomes a subscriber who confirms (an automation staff can edit)", async () => {
    const welcome = await sink.waitFor((m) => m.to.includes("ann@example.org") && m.subject === "Welcome to our newsletter");
    expect(welcome.text).toContain("Thank you for confirming");
    expect(welcome.header("List-Unsubscribe")).toMatch(/^<http:\/\/localhost:\d+\/email\/unsubscribe\//);
  });

  it("composes, counts, test-sends and sends a newsletter; the message carries RFC 8058 headers", async () => {
    const csrf = await csrfTokenOf(app, "/admin/newsletters/new", admin);
    const created = await post(
      app,
      "/admin/newsletters/new",
      { csrf, intent: "save", subject: "Spring news", preheader: "Three things this month", markdown: "# Spring\n\nWe **won** a vote.", topic: "newsletter", aud_subscribers: "on" },
      admin,
    );
    expect(created.status).toBe(302);
    newsletterPath = created.headers.get("location")!;
    const page = parseHtml(await (await fetch(`${app.url}${newsletterPath}`, { headers: { cookie: admin } })).text());
    expect(page.root.querySelector('[data-testid="recipient-count"]')?.text).toBe("2");
    const preview = await fetch(`${app.url}${newsletterPath}/preview`, { headers: { cookie: admin } });
    expect(await preview.text()).toContain("We <strong>won</strong> a vote.");

    expect((await post(app, newsletterPath, { csrf, intent: "test" }, admin)).status).toBe(302);
    await sink.waitFor((m) => m.to.includes("admin@example.org") && m.subject === "[Test] Spring news");

    const stale = await post(app, newsletterPath, { csrf, intent: "send", expectedCount: "5" }, admin);
    expect(stale.status).toBe(409); // the count shown is not the count now: nothing is sent
    expect((await post(app, newsletterPath, { csrf, intent: "send", expectedCount: "2" }, admin)).status).toBe(302);

    const mail = await sink.waitFor((m) => m.to.includes("bob@example.org") && m.subject === "Spring news");
    expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const [oneClick, mailto] = mail
      .header("List-Unsubscribe")!
      .split(",")
      .map((s) => s.trim().replace(/^<|>$/g, ""));
    expect(oneClick).toMatch(new RegExp(`^${app.url}/email/unsubscribe/`));
    expect(mailto).toMatch(/^mailto:/);
    expect(mail.header("Message-ID")).toMatch(/^<newsletter-\d+\.\d+@localhost>$/);
    expect(mail.text).toContain("We won a vote.");
    expect(mail.html).toContain("Three things this month");

    // RFC 8058: a bare POST, as a mail provider sends it: no cookie, no CSRF token, no Origin.
    const unsubscribed = await fetch(oneClick, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click", redirect: "manual" });
    expect(unsubscribed.status).toBe(200);
    const after = parseHtml(await (await fetch(oneClick)).text());
    expect(after.root.querySelector("h1")?.text).toBe("You are unsubscribed");
    const subscribers = await (await fetch(`${app.url}/admin/subscribers?q=bob`, { headers: { cookie: admin } })).text();
    expect(subscribers).toContain("Unsubscribed");
  });

  it("shows progress and results, and archives the newsletter with an RSS feed", async () => {
    await expect.poll(async () => parseHtml(await (await fetch(`${app.url}${newsletterPath}`, { headers: { cookie: admin } })).text()).root.querySelector("h2#results-heading")?.text).toBe("Results");
    const results = await (await fetch(`${app.url}${newsletterPath}`, { headers: { cookie: admin } })).text();
    expect(results).toContain("Unsubscribes caused");
    const archive = await (await fetch(`${app.url}/newsletter/archive`)).text();
    expect(archive).toContain("Spring news");
    const rss = await fetch(`${app.url}/newsletter/archive.rss`);
    expect(rss.headers.get("content-type")).toContain("application/rss+xml");
    expect(await rss.text()).toContain("<title><![CDATA[Spring news]]></title>");
  });

  it("lets a person choose their lists from the link, without signing in", async () => {
    const mail = await sink.waitFor((m) => m.to.includes("ann@example.org") && m.subject === "Spring news");
    const link = mail.header("List-Unsubscribe")!.split(",")[0].trim().replace(/^<|>$/g, "");
    const page = parseHtml(await (await fetch(link)).text());
    expect(page.root.querySelector("h1")?.text).toBe("Unsubscribe");
    const saved = await fetch(link, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "intent=preferences&newsletter=on&memberUpdates=on",
      redirect: "manual",
    });
    expect(saved.status).toBe(302);
    const again = parseHtml(await (await fetch(`${app.url}${saved.headers.get("location")}`)).text());
    expect(again.root.querySelector('input[name="campaignAlerts"]')?.getAttribute("checked")).toBeUndefined();
    expect(again.root.querySelector('input[name="newsletter"]')?.hasAttribute("checked")).toBe(true);
    expect((await fetch(`${app.url}/email/unsubscribe/not-a-token.x`)).status).toBe(404);
  });

  it("takes bounce and complaint reports on the webhook with the shared secret only", async () => {
    const send = (body: unknown, auth?: string) =>
      fetch(`${app.url}/api/mail-events`, { method: "POST", headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(body) });
    expect((await send({ email: "ann@example.org", type: "hard" })).status).toBe(403);
    expect((await send({ email: "ann@example.org", type: "hard" }, "Bearer wrong-secret-wrong-secret")).status).toBe(403);
    const bad = await send({ email: "not an address", type: "eaten" }, `Bearer ${secret}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues.length).toBeGreaterThan(0);
    const ok = await send([{ email: "ann@example.org", type: "complaint", source: "test-provider" }], `Bearer ${secret}`);
    expect(await ok.json()).toEqual({ recorded: 1, suppressed: 1 });
    const suppressions = await (await fetch(`${app.url}/admin/newsletters/suppressions`, { headers: { cookie: admin } })).text();
    expect(suppressions).toContain("Complaints: 1");
  });
});
