// The sign-in pages against the security audit's inputs (issue 9), over HTTP on the production
// build: hostile `next` values, the authenticator step tried from many IPs, requests that try to
// lock someone out; and the staff two-factor requirement and "sign out there" still working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentTotp } from "~/domains/accounts/second-factor.server";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { parseHtml } from "~/tests/helpers/html-page";
import { csrfTokenOf, post as postFrom } from "~/tests/helpers/http-session";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

/** `next` as an attacker writes it in a link (already percent-encoded where shown). */
const hostileNext = [
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d/evil.example",
  "/%0d%0aSet-Cookie:%20amg_session=x",
  "/%E3%80%82evil.example",
  "%E3%80%82evil.example",
  "//evil.example",
  "/%2F/evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "\\\\evil.example",
  "https://evil.example",
  "https:evil.example",
  "/.//evil.example",
  "/%09%5C/evil.example",
  "%09//evil.example",
  "javascript:alert(1)",
  `/${"a".repeat(5_000)}`,
];

describe("sign-in security over HTTP", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let admin = "";
  let calls = 0;
  /** Every request from its own address (TRUST_PROXY), so the per-IP limits stay out of the way unless a test wants them. */
  const nextIp = () => `10.${Math.floor(++calls / 250) % 250}.${calls % 250}.1`;
  const post = (path: string, values: Record<string, string>, cookie?: string, ip = nextIp()) => postFrom(app, path, values, cookie, { "x-forwarded-for": ip });
  const get = (path: string, cookie?: string) => fetch(`${app.url}${path}`, { redirect: "manual", headers: { "x-forwarded-for": nextIp(), ...(cookie ? { cookie } : {}) } });
  const cookieFrom = (res: Response, name: string) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${name}=`))
      ?.split(";")[0];
  const codeIn = (text: string) =>
    text
      .match(/code on the sign-in page: (\d{3}) (\d{3})/)!
      .slice(1)
      .join("");
  /** Where a browser would go: on this site, or the test fails. */
  const expectOnSite = (res: Response, label: string) => {
    expect(res.status, label).not.toBe(500);
    const location = res.headers.get("location");
    if (location !== null) expect(new URL(location, `${app.url}/sign-in`).origin, `${label} → ${location}`).toBe(app.url);
  };
  /** Asks for a sign-in as a browser would; returns the browser's nonce cookie and the mail. */
  async function askForSignIn(email: string, extraCookie = "") {
    const before = sink.messages.length;
    const asked = await post("/sign-in", { email, next: "/account" }, extraCookie || undefined);
    expect(asked.status).toBe(302);
    const nonce = cookieFrom(asked, "amg_signin")!;
    const mail = await sink.waitFor((m) => sink.messages.indexOf(m) >= before && m.to.includes(email) && m.text.includes("code on the sign-in page"));
    return { nonce, mail, asked };
  }

  /** The box on the settings page that requires two-factor sign-in of staff. */
  const requirementBox = "Require staff and admins to use an authenticator app (two-factor sign-in)";
  const isRequired = async (cookie: string) => parseHtml(await (await get("/admin/settings", cookie)).text()).field(requirementBox).isChecked;
  /** Sends the settings form as it is, with the requirement box ticked or not. */
  async function saveSettings(cookie: string, required: boolean) {
    // The box is shown to admins only; a staff member's form is sent without it.
    const entries = parseHtml(await (await get("/admin/settings", cookie)).text()).formEntries("timeZone");
    const values: [string, string][] = [...entries.filter(([n]) => n !== "requireSecondFactorForStaff"), ...(required ? [["requireSecondFactorForStaff", "on"] as [string, string]] : [])];
    const saved = await postFrom(app, "/admin/settings", values, cookie, { "x-forwarded-for": nextIp() });
    expect(
      saved.status,
      parseHtml(await saved.clone().text())
        .textsOf('[role="alert"]')
        .join(" "),
    ).toBe(302);
    return saved;
  }
  /** Sets up an authenticator app for the signed-in person, from the key shown for typing by hand; returns its secret. */
  async function setUpAuthenticator(cookie: string) {
    const setup = parseHtml(await (await get("/account/two-factor?required=1", cookie)).text());
    const secret = setup.text.match(/Enter this key by hand: ([A-Z2-7]+)/)![1];
    const confirmed = await post("/account/two-factor", { csrf: await csrfTokenOf(app, "/account", cookie), intent: "confirm", code: currentTotp(secret, new Date()) }, cookie);
    expect(confirmed.status).toBe(200);
    return secret;
  }
  /** The sessions the account page offers to sign out ("Sign out there"): the person's others. */
  const otherSessionsOn = async (cookie: string) =>
    parseHtml(await (await get("/account", cookie)).text())
      .root.querySelectorAll("form")
      .filter((form) => form.querySelector("button")?.text.trim() === "Sign out there")
      .map((form) => form.querySelector('input[name="session"]')!.getAttribute("value")!);

  const secrets = new Map<string, string>();
  /**
   * A full session of a staff member once two-factor sign-in is required: the authenticator is set
   * up on the first sign-in, and its code typed on later ones. A new address is added as staff by `by`.
   */
  async function signInAsStaffWithAuthenticator(email: string, by?: string) {
    if (!secrets.has(email)) {
      const cookie = by ? await addPerson(by, email, "staff") : await signIn(email);
      secrets.set(email, await setUpAuthenticator(cookie));
      return cookie;
    }
    const { nonce, mail } = await askForSignIn(email);
    const pending = cookieFrom(await post("/sign-in/check", { code: codeIn(mail.text), next: "/admin" }, nonce), "amg_session")!;
    // A code not used before (the one of the next 30-second step), since a code is accepted once.
    const done = await post("/sign-in/two-factor", { code: currentTotp(secrets.get(email)!, new Date(Date.now() + 30_000)), next: "/admin" }, pending);
    expect(done.status).toBe(302);
    return cookieFrom(done, "amg_session") ?? pending;
  }
  /** Adds a person with a role from the console, then signs them in. */
  async function addPerson(admin: string, email: string, role: string) {
    expect((await post("/admin/people", { csrf: await csrfTokenOf(app, "/admin/people", admin), email, role }, admin)).status).toBe(302);
    return signIn(email);
  }

  /** Signs in with the e-mailed code, each request from its own address (the per-IP sign-in limit is for other tests); returns the session cookie. */
  async function signIn(email: string) {
    const { nonce, mail } = await askForSignIn(email);
    const done = await post("/sign-in/check", { code: codeIn(mail.text), next: "/account" }, nonce);
    expect(done.status).toBe(302);
    return cookieFrom(done, "amg_session")!;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org", TRUST_PROXY: "true" });
    admin = await signIn("admin@example.org");
    const csrf = await csrfTokenOf(app, "/admin/people", admin);
    for (const [email, role] of [
      ["staff@example.org", "staff"],
      ["member@example.org", "member"],
      ["victim@example.org", "member"],
      ["next@example.org", "member"],
      ["member2@example.org", "member"],
      ["bystander@example.org", "member"],
      ["onlooker@example.org", "member"],
    ]) {
      expect((await post("/admin/people", { csrf, email, role }, admin)).status).toBe(302);
    }
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  it("never answers 500 nor sends the browser to another site, whatever the next parameter, on every sign-in page", async () => {
    const member = await signIn("member@example.org");
    for (const next of hostileNext) {
      const label = next.slice(0, 60);
      const query = `?next=${next}`;
      const page = await get(`/sign-in${query}`);
      expect(page.status, label).toBe(200);
      const kept = Object.fromEntries(parseHtml(await page.text()).formEntries("next")).next;
      expect(new URL(kept, `${app.url}/sign-in`).origin, `${label} kept as ${kept}`).toBe(app.url);
      expect(kept, label).toMatch(/^\/(?![/\\])/);
      expectOnSite(await get(`/sign-in${query}`, member), `signed in, GET /sign-in ${label}`);
      expectOnSite(await post("/sign-in", { email: "nobody@example.org", next: decodeURIComponent(next.replace(/%(?![0-9A-F]{2})/gi, "%25")) }), `POST /sign-in ${label}`);
      expect((await get(`/sign-in/check${query}`)).status, label).toBe(200);
      expectOnSite(await post("/sign-in/check", { code: "000000", next }), `POST /sign-in/check ${label}`);
      expectOnSite(await get(`/sign-in/two-factor${query}`, member), `GET /sign-in/two-factor ${label}`);
      expectOnSite(await post("/sign-in/two-factor", { code: "000000", next }, member), `POST /sign-in/two-factor ${label}`);
      expectOnSite(await get(`/account/two-factor${query}`, member), `GET /account/two-factor ${label}`);
    }
    // The redirect after the code itself, with the audit's three values decoded as the form posts them.
    for (const next of ["/\t/evil.example", "/\n/evil.example", "/\u3002evil.example"]) {
      const { nonce, mail } = await askForSignIn("next@example.org");
      const done = await post("/sign-in/check", { code: codeIn(mail.text), next }, nonce);
      expect(done.status, JSON.stringify(next)).toBe(302);
      expectOnSite(done, JSON.stringify(next));
      expect(cookieFrom(done, "amg_session"), JSON.stringify(next)).toBeDefined();
    }
  });

  it("lets the person in with the mail they already have, however many requests others send for their address", async () => {
    const { nonce, mail } = await askForSignIn("victim@example.org");
    for (let i = 0; i < 20; i++) {
      const res = await post("/sign-in", { email: "victim@example.org", next: "/account" });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/sign-in/check?next=%2Faccount");
    }
    // Asking again from the person's browser is answered as usual, and keeps the browser's nonce.
    const again = await post("/sign-in", { email: "victim@example.org", next: "/account" }, nonce);
    expect(again.status).toBe(302);
    expect(cookieFrom(again, "amg_signin")).toBe(nonce);
    const done = await post("/sign-in/check", { code: codeIn(mail.text), next: "/account" }, nonce);
    expect(done.status).toBe(302);
    const session = cookieFrom(done, "amg_session")!;
    expect(cookieFrom(done, "amg_device")).toBeDefined();
    expect((await get("/account", session)).status).toBe(200);
  });

  it("requires two-factor sign-in of staff when an admin says so, and stops a sign-in after a few wrong authenticator codes from many IPs", async () => {
    // The admin turns the requirement on: the settings form as it is, with the box ticked.
    expect((await saveSettings(admin, true)).status).toBe(302);

    const staff = await signIn("staff@example.org");
    const sent = await get("/admin", staff);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/account/two-factor?required=1&next=%2Fadmin");
    const secret = await setUpAuthenticator(staff);
    expect((await get("/admin", staff)).status).toBe(200);

    // Signing in again: the e-mail, then the authenticator step, attacked from 85 addresses.
    const { nonce, mail } = await askForSignIn("staff@example.org");
    const pending = cookieFrom(await post("/sign-in/check", { code: codeIn(mail.text), next: "/admin" }, nonce), "amg_session")!;
    expect((await get("/admin", pending)).headers.get("location")).toMatch(/^\/sign-in\/two-factor\?next=/);
    const responses: Response[] = [];
    for (let i = 0; i < 85; i++) {
      const guess = String(100_000 + i) === currentTotp(secret, new Date()) ? "999999" : String(100_000 + i);
      responses.push(await post("/sign-in/two-factor", { code: guess, next: "/admin" }, pending));
    }
    expect(responses.slice(0, 4).map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(await responses[0].text()).toContain("4 more wrong codes and this sign-in stops");
    // The fifth stops this sign-in: the page says so plainly, and the browser forgets the session.
    expect(responses[4].status).toBe(429);
    const stopped = await responses[4].text();
    expect(stopped).toContain("This sign-in has been stopped");
    expect(stopped).toContain("sign in again from the start");
    expect(responses[4].headers.getSetCookie().some((c) => /^amg_session=;/.test(c))).toBe(true);
    // The rest, and then the right code (the next step's, so no replay check is involved), sign nobody in.
    const last = await post("/sign-in/two-factor", { code: currentTotp(secret, new Date(Date.now() + 30_000)), next: "/admin" }, pending);
    expect(last.headers.get("location")).toBe("/sign-in");
    expect(cookieFrom(last, "amg_session")).toBeUndefined();
    expect((await get("/admin", pending)).headers.get("location")).toMatch(/^\/sign-in\?next=/);
  });

  it("makes its key once in the data folder, without warning a first start on localhost (a deployment is warned: secret-key.server.test.ts)", () => {
    expect(app.output()).toContain("secret key generated");
    expect(app.output()).not.toContain("SECRET_KEY is not set");
  });

  it("signs out another session of the person from the account page", async () => {
    const here = await signIn("member@example.org");
    const there = await signIn("member@example.org");
    const others = await otherSessionsOn(here);
    expect(others.length).toBeGreaterThanOrEqual(1);
    for (const session of others) expect((await post("/account", { csrf: await csrfTokenOf(app, "/account", here), session }, here)).status).toBe(302);
    expect((await get("/account", there)).headers.get("location")).toMatch(/^\/sign-in\?next=/);
    expect((await get("/account", here)).status).toBe(200);
  });

  it("asks members for no authenticator when staff must use one, and keeps the console closed to them", async () => {
    expect(await isRequired(await signInAsStaffWithAuthenticator("admin@example.org"))).toBe(true);
    const member = await signIn("member2@example.org");
    expect((await get("/account", member)).status).toBe(200);
    const console = await get("/admin", member);
    expect(console.status).toBe(403);
    expect(console.headers.get("location")).toBeNull();
  });

  it("lets only an admin change the two-factor requirement: a staff member's save of the settings leaves it on", async () => {
    const admin = await signInAsStaffWithAuthenticator("admin@example.org");
    const staff = await signInAsStaffWithAuthenticator("staff2@example.org", admin);
    await saveSettings(staff, false);
    expect(await isRequired(admin)).toBe(true);
    // The admin can turn it off again; then staff without an authenticator reach the console.
    await saveSettings(admin, false);
    expect(await isRequired(admin)).toBe(false);
    const newcomer = await addPerson(admin, "staff3@example.org", "staff");
    expect((await get("/admin", newcomer)).status).toBe(200);
    await saveSettings(admin, true);
  });

  it("never signs out another person's session, whatever session id is sent", async () => {
    const victim = await signIn("bystander@example.org");
    await signIn("bystander@example.org");
    const victimsOthers = await otherSessionsOn(victim);
    expect(victimsOthers.length).toBeGreaterThanOrEqual(1);
    const attacker = await signIn("onlooker@example.org");
    for (const session of victimsOthers) await post("/account", { csrf: await csrfTokenOf(app, "/account", attacker), session }, attacker);
    expect((await otherSessionsOn(victim)).sort()).toEqual([...victimsOthers].sort());
    expect((await get("/account", victim)).status).toBe(200);
  });
});
