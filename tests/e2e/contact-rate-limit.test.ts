// The contact form's per-address budget (5 messages per 10 minutes). In its own file, with its
// own server and data folder, because it uses up the budget of the test client's address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../helpers/app-server";
import type { AppServer } from "../helpers/app-server";
import { startSmtpSink } from "../helpers/smtp-sink";
import type { SmtpSink } from "../helpers/smtp-sink";

describe("the contact form's rate limit", () => {
  let app: AppServer;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const send = (attempt: number) =>
    fetch(`${app.url}/contact`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      body: new URLSearchParams({
        name: "Rate Tester",
        email: "rate.tester@example.org",
        subject: `Attempt ${attempt}`,
        message: "Checking how many messages one connection may send.",
      }).toString(),
    });

  it("accepts five messages from one client and answers the sixth with a readable 429 page saying to wait", async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const accepted = await send(attempt);
      expect(accepted.status, `attempt ${attempt}`).toBe(302);
      expect(accepted.headers.get("location"), `attempt ${attempt}`).toBe("/contact/sent");
      await accepted.arrayBuffer();
    }
    // They were really taken in (the worker delivers about one mail a second, so wait for the first only).
    await sink.waitFor((m) => m.subject === "[Contact] Attempt 1");

    const limited = await send(6);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toMatch(/^text\/html/);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);

    const html = await limited.text();
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    // The friendly message, announced as an alert, on the contact page in the site's design.
    expect(html).toMatch(/role="alert"[^>]*>You have sent several messages in a short time\. Please wait a few minutes and try again\. \(about \d+ min\)</);
    expect(html).toContain("<h1>Contact us</h1>");
    expect(html).toContain('class="site-header"');
    expect(html).toContain('class="site-footer"');
    // What was typed is kept, so nothing is lost while waiting.
    expect(html).toContain('value="Attempt 6"');
    expect(html).toContain("Checking how many messages one connection may send.</textarea>");
    expect(html).not.toMatch(/\bat (?:[\w$.<>[\] ]+ \()?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+|node_modules|node:internal/);

    // Still limited a moment later; a different form is not affected by this budget.
    expect((await send(7)).status).toBe(429);
    const newsletter = await fetch(`${app.url}/newsletter`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "rate.tester@example.org", source: "newsletter-page" }).toString(),
    });
    expect(newsletter.status).toBe(302);
  });
});
