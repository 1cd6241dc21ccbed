// The production server over HTTP (no browser): caching rules, CSRF, headers, errors, restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { updateSiteSettings } from "~/domains/site/update-site-settings.server";
import { parseHtml } from "~/tests/helpers/html-page";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import { testEngines } from "~/tests/helpers/test-db";

describe("the production server", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({}, { keepData: true });
  });
  afterAll(async () => app?.stop());

  it("serves public pages from its cache to anonymous visitors, compressed", async () => {
    await fetch(`${app.url}/about`);
    const second = await fetch(`${app.url}/about`, { headers: { "accept-encoding": "br" } });
    expect(second.status).toBe(200);
    expect(second.headers.get("x-page-cache")).toBe("HIT");
    expect(second.headers.get("content-encoding")).toBe("br");
    expect(await second.text()).toContain("About the Alliance of Medical Graduates");
  });

  it("never serves a cached page to a request with a session cookie", async () => {
    await fetch(`${app.url}/numbers`);
    const withSession = await fetch(`${app.url}/numbers`, { headers: { cookie: "amg_session=abc" } });
    expect(withSession.status).toBe(200);
    expect(withSession.headers.get("x-page-cache")).toBeNull();
    expect(withSession.headers.get("cache-control")).toBe("no-store");
  });

  it("never caches a page that carries a token", async () => {
    const first = await fetch(`${app.url}/newsletter/confirm?token=${"a".repeat(32)}`);
    expect(await first.text()).toContain("This link cannot be used");
    const second = await fetch(`${app.url}/newsletter/confirm?token=${"a".repeat(32)}`);
    expect(second.headers.get("x-page-cache")).toBeNull();
  });

  it("sends security headers with a per-response script nonce", async () => {
    const res = await fetch(`${app.url}/contact`, { headers: { cookie: "amg_session=x" } });
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("refuses a form posted from another website", async () => {
    const res = await fetch(`${app.url}/contact`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "name=A&email=a%40example.org&subject=Hello&message=Hello%20there%20friends",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("sent from another website");
  });

  it("answers a bad form with 400, the field's message and the typed values", async () => {
    const res = await fetch(`${app.url}/contact`, {
      method: "POST",
      headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded" },
      body: "name=Grace&email=not-an-email&subject=Hi&message=short",
    });
    expect(res.status).toBe(400);
    const page = parseHtml(await res.text());
    expect(page.field("Your e-mail")).toMatchObject({ value: "not-an-email", isInvalid: true, error: "Please enter an e-mail address like name@example.org." });
    expect(page.field("Subject")).toMatchObject({ value: "Hi", error: "Please write a subject of at least 3 characters." });
    expect(page.field("Your name").value).toBe("Grace");
    expect(page.field("Message").value).toBe("short");
  });

  it("answers an unknown address with a 404 page in the site's design, and nothing leaks", async () => {
    const res = await fetch(`${app.url}/no/such/page`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("We could not find that page");
    expect(html).toContain("site-header");
    expect(html).not.toMatch(/at \w+ \(|node_modules|Error:/);
  });

  it("accepts the one-click unsubscribe POST of a mail client (no Origin header)", async () => {
    const res = await fetch(`${app.url}/unsubscribe?token=${"b".repeat(32)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(404); // unknown token, but not refused as cross-site
    expect(await res.text()).toContain("We could not find that subscription");
  });

  it("refuses to start a worker-only process without DATABASE_URL, and says why", async () => {
    await expect(startAppServer({}, { args: ["--worker"], readyText: "AMG workers running" })).rejects.toThrow(/npm run worker needs DATABASE_URL/);
  });

  it("answers the sixth contact message from one address within ten minutes with a friendly 429 page", async () => {
    const send = (i: number) =>
      fetch(`${app.url}/contact`, {
        method: "POST",
        redirect: "manual",
        headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ name: "Rate Test", email: "rate@example.org", subject: `Attempt ${i}`, message: "Testing the contact limit here." }).toString(),
      });
    for (let i = 1; i <= 5; i++) expect((await send(i)).status).toBe(302);
    const limited = await send(6);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const page = parseHtml(await limited.text());
    expect(page.text).toContain("You have sent several messages in a short time");
    expect(page.field("Subject").value).toBe("Attempt 6");
  });

  it("stops cleanly on SIGTERM and keeps its data for the next start", async () => {
    const subscribe = await fetch(`${app.url}/newsletter`, {
      method: "POST",
      headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded" },
      body: "email=keep%40example.org&source=newsletter-page",
      redirect: "manual",
    });
    expect(subscribe.status).toBe(302);
    expect(await app.stop()).toBe(0);
    app = await startAppServer({}, { dataDir: app.dataDir });
    expect(app.output()).not.toContain("starter content seeded");
    const handleCheck = await fetch(`${app.url}/healthz`);
    expect(await handleCheck.json()).toEqual({ ok: true });
    await app.stop();
    const db = await openDatabase({ kind: "pglite", dataDir: app.dataDir });
    try {
      const rows = await db.pglite!.query<{ email: string }>("select email from subscribers");
      expect(rows.rows.map((r) => r.email)).toContain("keep@example.org");
    } finally {
      await db.close();
    }
    app = await startAppServer({}, { dataDir: app.dataDir });
  });
});

const postgres = testEngines().find((e) => e.name === "postgres");
describe.runIf(postgres)("two web processes on one PostgreSQL server", () => {
  it("both drop their cached pages the moment settings change", async () => {
    const handle = await postgres!.open();
    const env = { DATABASE_URL: handle.connectionString! };
    const a = await startAppServer(env);
    const b = await startAppServer(env);
    try {
      for (const app of [a, b]) {
        await fetch(app.url);
        expect((await fetch(app.url)).headers.get("x-page-cache")).toBe("HIT");
      }
      const { organisation } = await getSiteSettings(handle.db);
      await updateSiteSettings({ db: handle.db, clock: () => new Date(), input: { organisation: { ...organisation, tagline: "A brand-new tagline." } } });
      for (const app of [a, b]) {
        await expect.poll(async () => (await fetch(app.url)).text()).toContain("A brand-new tagline.");
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await handle.close();
    }
  });
});

describe.runIf(postgres)("a separate worker process (npm run worker)", () => {
  it("delivers the mail of a web process that runs no workers", async () => {
    const handle = await postgres!.open();
    const sink = await startSmtpSink();
    const env = { DATABASE_URL: handle.connectionString!, SMTP_URL: sink.url };
    const web = await startAppServer({ ...env, RUN_WORKERS: "false" });
    const worker = await startAppServer(env, { args: ["--worker"], readyText: "AMG workers running" });
    try {
      const res = await fetch(`${web.url}/contact`, {
        method: "POST",
        headers: { origin: web.url, "content-type": "application/x-www-form-urlencoded" },
        body: "name=Lin&email=lin%40example.org&subject=From%20the%20worker&message=Delivered%20by%20another%20process",
        redirect: "manual",
      });
      expect(res.status).toBe(302);
      const mail = await sink.waitFor((m) => m.to.includes("lin@example.org"));
      expect(mail.subject).toBe("We received your message");
      expect(await worker.stop()).toBe(0);
    } finally {
      await Promise.all([web.stop(), worker.stop()]);
      await sink.close();
      await handle.close();
    }
  });
});
