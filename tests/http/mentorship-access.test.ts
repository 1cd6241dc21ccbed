// Mentorship over HTTP, as browsers use it: a physician offers from /mentors and the e-mailed link
// signs them in; staff approve; a member asks; a round is confirmed; the mentor accepts. Then who
// reaches what: the pair's page only the two of them (another mentor, another member and staff get
// 404); a private note only its author; /mentoring shows a mentor only their own mentees; a mentor
// changes only their own details (/mentoring/details), staff any mentor's; staff nudge a stalled pair.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { csrfTokenOf, formStampOf, post as postFrom, signInOverHttp } from "~/tests/helpers/http-session";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("mentorship access", () => {
  let app: AppServer;
  let sink: SmtpSink;
  const cookies: Record<string, string> = {};
  let pair = "";
  let calls = 0;
  const post = (path: string, values: Record<string, string> | [string, string][], cookie?: string) => postFrom(app, path, values, cookie, { "x-forwarded-for": `198.51.100.${++calls % 250}` });
  const page = async (path: string, cookie: string) => fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
  /** The page's HTML without React's text separators (<!-- -->). */
  const textOf = async (path: string, cookie: string) => (await (await page(path, cookie)).text()).replaceAll("<!-- -->", "");

  /** Offers to mentor from the public form and opens the e-mailed link: the session cookie it sets. */
  const volunteer = async (email: string, name: string) => {
    const offer: [string, string][] = [
      ["rendered", await formStampOf(app, "/mentors", { fresh: true })],
      ["name", name],
      ["email", email],
      ["specialty", "Family Medicine"],
      ["boardCertified", "yes"],
      ["licenceStates", "NY"],
      ["practiceSetting", "community"],
      ["yearsInPractice", "10"],
      ["selectionCommittee", "yes"],
      ["languages", "English, Spanish"],
      ["topics", "interviews"],
      ["topics", "soap"],
      ["capacity", "2"],
      ["availability", "weekends"],
    ];
    const sent = await post("/mentors", offer);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/mentors/check-email");
    const mail = await sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Confirm your offer to mentor"));
    expect(mail.text).not.toContain(name);
    const token = new URL(findLink(mail, `${app.url}/mentors/confirm?token=`)).searchParams.get("token")!;
    expect(await (await fetch(`${app.url}/mentors/confirm?token=${token}`)).text()).toContain("Confirm and sign in");
    const confirmed = await post("/mentors/confirm", { token });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/mentoring");
    return confirmed.headers
      .getSetCookie()
      .find((c) => c.startsWith("amg_session="))!
      .split(";")[0];
  };

  /** The mentor's details as the form sends them (the volunteer form less e-mail and stamp). */
  const details = (changes: Record<string, string> = {}): [string, string][] => {
    const base: Record<string, string> = {
      name: "Ana Rivera",
      specialty: "Family Medicine",
      boardCertified: "yes",
      licenceStates: "NY",
      practiceSetting: "community",
      yearsInPractice: "10",
      selectionCommittee: "yes",
      languages: "English, Spanish",
      capacity: "2",
      ...changes,
    };
    return [...Object.entries(base), ["topics", "interviews"], ["topics", "soap"], ["availability", "weekends"]];
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org", TRUST_PROXY: "true" });
    cookies.admin = await signInOverHttp(app, sink, "admin@example.org");
    const csrf = await csrfTokenOf(app, "/admin/people", cookies.admin);
    for (const [email, role] of [
      ["maria@example.org", "member"],
      ["other@example.org", "member"],
    ])
      expect((await post("/admin/people", { csrf, email, role }, cookies.admin)).status).toBe(302);
    cookies.maria = await signInOverHttp(app, sink, "maria@example.org");
    cookies.other = await signInOverHttp(app, sink, "other@example.org");
    cookies.mentor = await volunteer("dr.rivera@example.org", "Ana Rivera");
    cookies.otherMentor = await volunteer("dr.chen@example.org", "Li Chen");
    expect(await textOf("/mentoring", cookies.mentor)).toContain("Our staff will review your offer");

    // Staff approve both mentors.
    const mentorsPage = await (await page("/admin/mentorship/mentors", cookies.admin)).text();
    const adminCsrf = await csrfTokenOf(app, "/admin/mentorship/mentors", cookies.admin);
    for (const id of [...mentorsPage.matchAll(/name="mentor" value="([^"]+)"/g)].map((m) => m[1]))
      expect((await post("/admin/mentorship/mentors", { csrf: adminCsrf, mentor: id, intent: "approve" }, cookies.admin)).status).toBe(302);
    await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject === "You are now an AMG mentor");

    // Maria asks for a mentor, avoiding Dr Chen.
    const askPage = await (await page("/account/mentor", cookies.maria)).text();
    const chen = askPage
      .split("<label")
      .find((l) => l.includes("Li Chen"))!
      .match(/value="([^"]+)"/)![1];
    const asked = await post(
      "/account/mentor",
      [
        ["csrf", await csrfTokenOf(app, "/account/mentor", cookies.maria)],
        ["name", "Maria Lopez"],
        ["goals", "Interviews and the SOAP next March."],
        ["topics", "interviews"],
        ["targetSpecialties", "Family Medicine"],
        ["preferredStates", "NY"],
        ["language", "Spanish"],
        ["availability", "weekends"],
        ["avoid", chen],
      ],
      cookies.maria,
    );
    expect(asked.status).toBe(200);
    expect(await textOf("/account/mentor", cookies.maria)).toContain("You are number 1 of the 1 member waiting. We cannot estimate the wait yet");

    // A round, its page, then confirmation: both introduced.
    const ran = await post("/admin/mentorship", { csrf: await csrfTokenOf(app, "/admin/mentorship", cookies.admin), intent: "run", objective: "score" }, cookies.admin);
    const roundPath = ran.headers.get("location")!;
    const roundPage = await textOf(roundPath, cookies.admin);
    expect(roundPage).toContain("Ana Rivera");
    expect(roundPage).toContain("same specialty: family medicine");
    expect(roundPage).not.toContain("Li Chen (Family Medicine), 0 of 2</option><option");
    expect(sink.messages.some((m) => m.to.includes("maria@example.org") && m.subject.startsWith("Introduction"))).toBe(false);
    expect((await post(roundPath, { csrf: await csrfTokenOf(app, roundPath, cookies.admin), intent: "confirm" }, cookies.admin)).status).toBe(200);
    const intro = await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject.startsWith("Introduction: Maria Lopez"));
    await sink.waitFor((m) => m.to.includes("maria@example.org") && m.subject.startsWith("Introduction: Ana Rivera"));
    pair = new URL(findLink(intro, `${app.url}/mentorships/`)).pathname;

    // The mentor accepts and logs a private note; Maria logs a shared one.
    expect((await post(pair, { csrf: await csrfTokenOf(app, pair, cookies.mentor), intent: "accept" }, cookies.mentor)).status).toBe(200);
    await sink.waitFor((m) => m.to.includes("maria@example.org") && m.subject.startsWith("Ana Rivera accepted"));
    const meeting = (notes: string, shared: string): [string, string][] => [
      ["intent", "meeting"],
      ["heldOn", "2026-03-05"],
      ["minutes", "45"],
      ["topics", "interviews"],
      ["notes", notes],
      ["shared", shared],
    ];
    expect((await post(pair, [["csrf", await csrfTokenOf(app, pair, cookies.mentor)], ...meeting("Private reminder of the mentor", "no")], cookies.mentor)).status).toBe(200);
    expect((await post(pair, [["csrf", await csrfTokenOf(app, pair, cookies.maria)], ...meeting("Practice questions together", "yes")], cookies.maria)).status).toBe(200);
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  it("shows the pair's page to the two of them only", async () => {
    for (const who of ["mentor", "maria"]) expect((await page(pair, cookies[who])).status, who).toBe(200);
    for (const who of ["otherMentor", "other", "admin"]) expect((await page(pair, cookies[who])).status, who).toBe(404);
    expect((await page(pair, "")).status).toBe(302);
    const csrf = await csrfTokenOf(app, "/account/mentor", cookies.other);
    expect((await post(pair, { csrf, intent: "meeting", heldOn: "2026-03-06", minutes: "30", notes: "x", shared: "yes" }, cookies.other)).status).toBe(404);
  });

  it("keeps a private note to its author", async () => {
    const mentorView = await textOf(pair, cookies.mentor);
    const menteeView = await textOf(pair, cookies.maria);
    expect(mentorView).toContain("Private reminder of the mentor");
    expect(mentorView).toContain("Practice questions together");
    expect(menteeView).not.toContain("Private reminder of the mentor");
    expect(menteeView).toContain("Practice questions together");
  });

  it("shows each mentor only their own mentees", async () => {
    expect(await textOf("/mentoring", cookies.mentor)).toContain("Maria Lopez");
    expect(await textOf("/mentoring", cookies.otherMentor)).not.toContain("Maria Lopez");
  });

  it("lets a mentor change their own details, and nobody else's", async () => {
    expect((await page("/mentoring/details", "")).status).toBe(302);
    expect((await page("/mentoring/details", cookies.maria)).status).toBe(404);
    const mariaCsrf = await csrfTokenOf(app, "/account/mentor", cookies.maria);
    expect((await post("/mentoring/details", [["csrf", mariaCsrf], ...details()], cookies.maria)).status).toBe(404);
    expect(await textOf("/mentoring/details", cookies.mentor)).toContain('value="Ana Rivera"');
    expect((await post("/mentoring/details", details({ capacity: "3" }), cookies.mentor)).status).toBe(403);
    const csrf = await csrfTokenOf(app, "/mentoring/details", cookies.mentor);
    const bad = await post("/mentoring/details", [["csrf", csrf], ...details({ capacity: "0", licenceStates: "Nowhere" })], cookies.mentor);
    expect(bad.status).toBe(400);
    const badPage = (await bad.text()).replaceAll("<!-- -->", "");
    expect(badPage).toContain("Please choose how many mentees at once, from 1 to 10.");
    expect(badPage).toContain("Please give states as two-letter codes");
    expect(badPage).toContain('value="Nowhere"');
    const saved = await post("/mentoring/details", [["csrf", csrf], ...details({ capacity: "3", licenceStates: "ny, nj" })], cookies.mentor);
    expect(saved.status).toBe(200);
    expect((await saved.text()).replaceAll("<!-- -->", "")).toContain("Your details are saved.");
    expect(await textOf("/mentoring", cookies.mentor)).toContain("You mentor up to 3 people at once");
    expect(await textOf("/mentoring/details", cookies.otherMentor)).toContain('value="Li Chen"');
  });

  it("lets staff change a mentor's details from the console, audited, and no one else", async () => {
    const list = await textOf("/admin/mentorship/mentors", cookies.admin);
    const link = list.match(/<a[^>]*aria-label="Ana Rivera: change their details"[^>]*>/)![0];
    const path = link.match(/href="(\/admin\/mentorship\/mentors\/[^"]+)"/)![1];
    expect(await textOf(path, cookies.admin)).toContain('value="NY, NJ"');
    for (const who of ["mentor", "maria"]) expect((await page(path, cookies[who])).status, who).toBe(403);
    const csrf = await csrfTokenOf(app, path, cookies.admin);
    const saved = await post(path, [["csrf", csrf], ...details({ name: "Ana M. Rivera", capacity: "4" })], cookies.admin);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/admin/mentorship/mentors");
    expect(saved.headers.getSetCookie().some((c) => c.startsWith("amg_flash="))).toBe(true);
    expect(await textOf("/mentoring", cookies.mentor)).toContain("You mentor up to 4 people at once");
    expect(await textOf("/admin/audit", cookies.admin)).toContain("Changed a mentor&#x27;s details");
    expect((await post(path.replace(/[^/]+$/, "nobody"), [["csrf", csrf], ...details()], cookies.admin)).status).toBe(404);
  });

  it("lets staff nudge a stalled pair by e-mail from the dashboard, once a week at most", async () => {
    // The meeting logged above is dated 2026-03-05, more than six weeks ago: the pair is stalled.
    const dashboard = await textOf("/admin/mentorship", cookies.admin);
    expect(dashboard).toContain("Send a nudge");
    const id = pair.split("/").pop()!;
    expect(dashboard).toContain(`name="mentorship" value="${id}"`);
    expect((await post("/admin/mentorship", { intent: "nudge", mentorship: id }, cookies.admin)).status).toBe(403);
    const mentorCsrf = await csrfTokenOf(app, "/mentoring/details", cookies.mentor);
    expect((await post("/admin/mentorship", { csrf: mentorCsrf, intent: "nudge", mentorship: id }, cookies.mentor)).status).toBe(403);
    const csrf = await csrfTokenOf(app, "/admin/mentorship", cookies.admin);
    const nudged = await post("/admin/mentorship", { csrf, intent: "nudge", mentorship: id }, cookies.admin);
    expect(nudged.status).toBe(302);
    expect(nudged.headers.get("location")).toBe("/admin/mentorship");
    expect(nudged.headers.getSetCookie().some((c) => c.startsWith("amg_flash="))).toBe(true);
    await sink.waitFor((m) => m.to.includes("maria@example.org") && m.subject === "No meeting logged with Ana M. Rivera for six weeks");
    await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject === "No meeting logged with Maria Lopez for six weeks");
    const again = await post("/admin/mentorship", { csrf, intent: "nudge", mentorship: id }, cookies.admin);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Both were nudged in the last 7 days");
    expect(await textOf("/admin/mentorship", cookies.admin)).toContain("Nudged in the last week.");
    expect(await textOf("/admin/audit", cookies.admin)).toContain("Nudged a stalled mentorship");
  });

  it("lets the mentee end the mentorship with a reason and tells the mentor", async () => {
    const ended = await post(pair, { csrf: await csrfTokenOf(app, pair, cookies.maria), intent: "end", reason: "I matched in March" }, cookies.maria);
    expect(ended.status).toBe(200);
    const mail = await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject.startsWith("Your mentorship with Maria Lopez has ended"));
    expect(mail.text).toContain("I matched in March");
  });
});
