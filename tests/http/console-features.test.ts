// The staff console's features over HTTP: settings, inbox replies, subscribers export, outbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { parseHtml } from "~/tests/helpers/html-page";
import { csrfTokenOf, post, signInOverHttp } from "~/tests/helpers/http-session";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("staff console features", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let cookie: string;
  let csrf: string;
  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { cookie } });

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    cookie = await signInOverHttp(app, sink, "admin@example.org");
    csrf = await csrfTokenOf(app, "/admin/settings", cookie);
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const settingsForm = async () => {
    // The settings form as a browser would send it, unchanged.
    const values: Record<string, string> = { ...Object.fromEntries(parseHtml(await (await get("/admin/settings")).text()).formEntries("timeZone")), csrf };
    values.closedDates = "";
    return values;
  };

  it("saves settings that the public pages show at once, and rejects a bad field keeping the input", async () => {
    await fetch(`${app.url}/contact`); // fills the page cache
    const values = await settingsForm();
    const bad = await post(app, "/admin/settings", { ...values, timeZone: "Mars/Olympus", tagline: "Kept while wrong" }, cookie);
    expect(bad.status).toBe(400);
    const badPage = parseHtml(await bad.text());
    expect(badPage.field("Time zone")).toMatchObject({ value: "Mars/Olympus", error: expect.stringContaining("Please enter a time zone like America/New_York") });
    expect(badPage.field("Tagline").value).toBe("Kept while wrong");

    const good = await post(app, "/admin/settings", { ...values, email: "hello@amg.example", "friday.closes": "13:00", closedDates: "2026-12-24 Christmas Eve" }, cookie);
    expect(good.status).toBe(302);
    const contact = await (await fetch(`${app.url}/contact`)).text();
    expect(contact).toContain("hello@amg.example");
    expect(contact).toContain("Friday, 9:00 am–1:00 pm ET");
  });

  it("replies to a contact message by e-mail and keeps the reply with it", async () => {
    await post(app, "/contact", { name: "Sam Lee", email: "sam@example.org", subject: "Mentors in Ohio", message: "Do you have mentors in Ohio?" });
    const inbox = await (await get("/admin/inbox?q=Mentors%20in%20Ohio")).text();
    const id = inbox.match(/href="\/admin\/inbox\/([^"]+)"/)![1];
    const empty = await post(app, `/admin/inbox/${id}`, { csrf, intent: "reply", body: " " }, cookie);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Please write your reply.");
    const sent = await post(app, `/admin/inbox/${id}`, { csrf, intent: "reply", body: "Yes: we will introduce you to Dr. Rivera." }, cookie);
    expect(sent.status).toBe(302);
    const reply = await sink.waitFor((m) => m.to.includes("sam@example.org") && m.subject === "Re: Mentors in Ohio");
    expect(reply.text).toContain("Dr. Rivera");
    expect(reply.text).toContain("> Do you have mentors in Ohio?");
    const page = await (await get(`/admin/inbox/${id}`)).text();
    expect(page).toContain("Yes: we will introduce you to Dr. Rivera.");
    expect(page).toContain("answered");
  });

  it("exports the filtered subscribers as CSV, and unsubscribes one", async () => {
    for (const email of ["one@example.org", "two@example.org"]) await post(app, "/newsletter", { email, source: "newsletter-page" });
    const csv = await get("/admin/subscribers.csv?q=one%40");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="subscribers-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("email,status,source,subscribed_at,confirmed_at,unsubscribed_at");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["one@example.org"]);

    const list = await (await get("/admin/subscribers?q=two%40")).text();
    const id = list.match(/name="subscriber" value="([^"]+)"/)![1];
    expect((await post(app, "/admin/subscribers", { csrf, subscriber: id }, cookie)).status).toBe(302);
    expect(await (await get("/admin/subscribers.csv?status=unsubscribed")).text()).toContain("two@example.org,unsubscribed");
  });

  it("corrects a member of Congress's phone: the public lookup shows it as checked by staff, and a bad value is refused", async () => {
    const bad = await post(app, "/admin/legislators/M001231", { csrf, phone: "call me", website: "", contactForm: "", address: "", note: "" }, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Please enter a phone number like 202-224-6542.");
    const good = await post(app, "/admin/legislators/M001231", { csrf, phone: "202-555-0199", website: "", contactForm: "", address: "", note: "New DC number" }, cookie);
    expect(good.status).toBe(302);
    const api = await (await fetch(`${app.url}/api/legislators?zip=13202`)).json();
    expect(api.districts[0].representative).toMatchObject({ name: "John W. Mannion", phone: "202-555-0199", correctedByStaff: true });
    const audit = await (await get("/admin/audit?action=legislator.correct")).text();
    expect(audit).toContain("M001231");
  });

  it("edits a figure that the home page shows at once, and refuses an empty one keeping the input", async () => {
    await fetch(app.url); // cached
    const bad = await post(app, "/admin/figures/shortage-areas", { csrf, claim: "doctors short", amgFigure: "", amgStatement: "doctors are missing.", amgSource: "AMG" }, cookie);
    expect(bad.status).toBe(400);
    const badPage = parseHtml(await bad.text());
    expect(badPage.field("AMG's figure").error).toBe("Please enter AMG's figure.");
    expect(badPage.field("The sentence after the figure").value).toBe("doctors are missing.");
    const good = await post(
      app,
      "/admin/figures/shortage-areas",
      {
        csrf,
        claim: "doctors short in shortage areas",
        amgFigure: "34,500",
        amgStatement: "doctors are missing in shortage areas.",
        amgSource: "AMG",
        officialFigure: "13,364 (2025-03-31)",
        officialBasis: "",
        officialSource: "HRSA",
        verdict: "",
      },
      cookie,
    );
    expect(good.status).toBe(302);
    const home = await (await fetch(app.url)).text();
    expect(home).toContain("34,500");
  });

  it("lists sent mail in the outbox and refuses to resend one that did not fail", async () => {
    const outbox = await (await get("/admin/outbox?status=sent")).text();
    expect(outbox).toContain("Re: Mentors in Ohio");
    const res = await post(app, "/admin/outbox", { csrf, message: "not-a-failed-one" }, cookie);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Only a failed message can be resent.");
  });
  /** The visible text of a page: tags (and so attribute values such as filter options' codes) dropped. */
  const visibleText = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]*>/g, " ");

  it("confirms an action once on the next page with a signed flash, and ignores a forged one", async () => {
    const values = await settingsForm();
    const saved = await post(app, "/admin/settings", values, cookie);
    expect(saved.status).toBe(302);
    const flash = saved.headers.getSetCookie().find((c) => c.startsWith("amg_flash="));
    expect(flash).toMatch(/HttpOnly/);
    const withFlash = `${cookie}; ${flash!.split(";")[0]}`;
    const next = await fetch(`${app.url}/admin/settings`, { headers: { cookie: withFlash } });
    const page = parseHtml(await next.text());
    expect(page.root.querySelector('[role="status"]')?.textContent).toContain("Settings saved.");
    expect(next.headers.getSetCookie().some((c) => c.startsWith("amg_flash=;") && c.includes("Max-Age=0"))).toBe(true);
    // Without the cookie (the browser dropped it as told), the message is gone.
    expect(await (await get("/admin/settings")).text()).not.toContain("Settings saved.");
    const [issuedAt, , signature] = decodeURIComponent(flash!.split(";")[0].slice("amg_flash=".length)).split(".");
    const forged = `${issuedAt}.${Buffer.from("Your account is closed.").toString("base64url")}.${signature}`;
    expect(await (await fetch(`${app.url}/admin`, { headers: { cookie: `${cookie}; amg_flash=${forged}` } })).text()).not.toContain("Your account is closed.");
  });

  it("shows audit actions and outbox statuses in words, never their stored codes", async () => {
    const audit = visibleText(await (await get("/admin/audit")).text());
    expect(audit).toContain("Changed the settings");
    for (const code of ["settings.update", "legislator.correct", "figure.update", "contact.reply", "session.sign-in", "role.grant", "contact_message"]) expect(audit).not.toContain(code);
    const outbox = await (await get("/admin/outbox")).text();
    const statuses = [...outbox.matchAll(/data-label="Status">([^<]*)/g)].map((m) => m[1]);
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(["Queued", "Sent", "Kept here (no mail server)", "Failed"]).toContain(status);
  });

  it("signs out from the console with its Sign out button", async () => {
    const session = await signInOverHttp(app, sink, "admin@example.org");
    const console = parseHtml(await (await fetch(`${app.url}/admin/outbox`, { headers: { cookie: session } })).text());
    const form = console.root.querySelector('form[action="/sign-out"]');
    expect(form?.textContent).toContain("Sign out");
    const token = form!.querySelector('input[name="csrf"]')!.getAttribute("value")!;
    const out = await post(app, "/sign-out", { csrf: token }, session);
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/");
    const after = await fetch(`${app.url}/admin`, { headers: { cookie: session }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toContain("/sign-in");
  });

  it("uses a changed organisation name in page titles and e-mails, and its colours in the theme", async () => {
    const values = await settingsForm();
    const changed = await post(app, "/admin/settings", { ...values, name: "Doctors Ready Alliance", shortName: "DRA", primaryColour: "#5b21b6" }, cookie);
    expect(changed.status).toBe(302);
    const contact = parseHtml(await (await fetch(`${app.url}/contact`)).text());
    expect(contact.root.querySelector("title")?.textContent).toBe("Contact us — DRA");
    expect(parseHtml(await (await get("/admin/audit")).text()).root.querySelector("title")?.textContent).toBe("Audit log — DRA staff");
    const home = await (await fetch(app.url)).text();
    expect(parseHtml(home).root.querySelector("title")?.textContent).toBe("Doctors Ready Alliance — doctors ready to serve");
    const themeHref = home.match(/href="(\/theme\.css\?v=[^"]+)"/)![1];
    expect(await (await fetch(`${app.url}${themeHref}`)).text()).toContain("--brand: #5b21b6;");
    await post(app, "/newsletter", { email: "renamed@example.org", source: "newsletter-page" });
    const mail = await sink.waitFor((m) => m.to.includes("renamed@example.org"));
    expect(mail.subject).toBe("Please confirm your subscription to Doctors Ready Alliance news");
    await post(app, "/admin/settings", values, cookie);
  });
});
