// Staff build and run campaigns over HTTP: the editor's checks, supporters deciding which letter
// an office gets, results, CSV, per-office packets, and the public side's spam trap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { parseHtml } from "~/tests/helpers/html-page";
import type { HtmlPage } from "~/tests/helpers/html-page";
import { application, csrfTokenOf, formStampOf, post, signInOverHttp } from "~/tests/helpers/http-session";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

/** What the page says, as a person reads it. */
const text = async (res: Response) => (await page(res)).text;
const page = async (res: Response): Promise<HtmlPage> => parseHtml(await res.text());
/** The results page's figures, as "figure label" lines. */
const stats = async (res: Response) => (await page(res)).cellsOf(".stat-card").map((cells) => cells.join(" "));

const campaign = (changes: Record<string, string> = {}): [string, string][] => {
  const values: Record<string, string> = {
    kind: "legislator-letter",
    title: "Texas: fund residencies",
    slug: "texas-house",
    summary: "Ask your representative to fund residencies.",
    addressee: "your US representative",
    backgroundMarkdown: "",
    targetStates: "tx",
    bill: "",
    letterSubject: "Fund residencies",
    letterMarkdown: "Dear {{legislator_title}}, please fund residencies in {{sender_state}}.",
    supporterLetterMarkdown: "",
    organisationStatement: "",
    talkingPoints: "",
    phoneScript: "",
    thankYouMarkdown: "Thanks!",
    goal: "100",
    startsOn: "",
    endsOn: "",
    sortOrder: "5",
    isPublished: "on",
    ...changes,
  };
  const targets = (changes.targets ?? "us-house").split(",").filter(Boolean);
  return [...Object.entries(values).filter(([k]) => k !== "targets"), ...targets.map((t): [string, string] => ["targets", t])];
};

/** The signed time stamp of a campaign page, as a person's browser sends it back. */
let stamp = "";
const letterFrom13202 = (email: string, extra: Record<string, string> = {}) => ({
  zip: "13202",
  rendered: stamp,
  letter: "Please cosponsor the Resident Physician Shortage Reduction Act, for doctors in New York.",
  name: "Sam Reyes",
  email,
  street: "1 Clinton Sq",
  city: "Syracuse",
  ...extra,
});

describe("campaigns in the staff console", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let staff: string;
  let csrf: string;
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    staff = await signInOverHttp(app, sink, "admin@example.org");
    csrf = await csrfTokenOf(app, "/admin/campaigns/new", staff);
    stamp = await formStampOf(app, "/act/residency-shortage-act?zip=13202");
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });
  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { cookie: staff } });
  /** Letters from a browser not signed in as the writer wait for the link e-mailed to the writer (docs/decisions/0012). */
  const confirmLetters = async (email: string) => {
    const mail = await sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Please confirm your letters"));
    const token = new URL(findLink(mail, `${app.url}/act/confirm?token=`)).searchParams.get("token")!;
    const confirmed = await post(app, "/act/confirm", { token });
    expect(confirmed.status).toBe(302);
    return confirmed.headers.get("location")!;
  };

  it("lists the starter campaigns", async () => {
    const html = await text(await get("/admin/campaigns"));
    for (const title of [
      "Ask Congress to pass the Resident Physician Shortage Reduction Act",
      "Ask your state to license medical graduates for collaborative practice",
      "To the AAMC: stand by the graduates who did not match",
    ])
      expect(html).toContain(title);
  });

  it("names each problem of a campaign beside its field and keeps what was typed", async () => {
    const res = await post(
      app,
      "/admin/campaigns/new",
      [["csrf", csrf], ...campaign({ targets: "", letterMarkdown: "Dear {{senator}}, hello.", startsOn: "2026-05-01", endsOn: "2026-04-01", goal: "many", targetStates: "TX, ZZ" })],
      staff,
    );
    expect(res.status).toBe(400);
    const html = await text(res);
    expect(html).toContain("Unknown placeholder: {{senator}}.");
    expect(html).toContain("Please choose whom people write to.");
    expect(html).toContain("The campaign cannot end before it starts.");
    expect(html).toContain("Please enter the goal as a number.");
    expect(html).toContain("Unknown state code: ZZ.");
    expect(html).toContain("Dear {{senator}}, hello.");
  });

  it("creates a campaign that only people from its states can act on, and refuses a taken address", async () => {
    const res = await post(app, "/admin/campaigns/new", [["csrf", csrf], ...campaign()], staff);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/campaigns/texas-house");
    expect(res.headers.getSetCookie().some((c) => c.startsWith("amg_flash="))).toBe(true);
    const outOfState = await text(await fetch(`${app.url}/act/texas-house?zip=13202`));
    expect(outOfState).toContain("This campaign is for people in Texas.");
    expect(outOfState).not.toContain("Send my letters");
    expect(await text(await fetch(`${app.url}/act/texas-house?zip=78701`))).toContain("Send my letters");
    const again = await post(app, "/admin/campaigns/new", [["csrf", csrf], ...campaign()], staff);
    expect(again.status).toBe(409);
    expect(await text(again)).toContain("Another campaign already has this address.");
    const hidden = await post(app, "/admin/campaigns/texas-house", [["csrf", csrf], ...campaign({ isPublished: "" })], staff);
    expect(hidden.status).toBe(302);
    expect((await fetch(`${app.url}/act/texas-house`)).status).toBe(404);
  });

  it("gives the supporter letter to the offices staff mark as supporters", async () => {
    const list = await page(await get("/admin/campaigns/residency-shortage-act/supporters?state=NY"));
    const keys = list
      .formEntries("listed")
      .filter(([name]) => name === "listed")
      .map(([, key]) => key);
    expect(keys).toEqual(expect.arrayContaining(["S000148", "G000555"])); // Schumer, Gillibrand: cosponsors in the starter content
    expect(list.field(/^Charles E\. Schumer \(.*\) · US Senate/).isChecked).toBe(true);
    const rep22 = list.field(/· US House, district NY-22$/);
    expect(rep22.isChecked).toBe(false);
    // Mark the NY-22 representative; unmark Schumer.
    const body: [string, string][] = [["csrf", csrf], ...keys.map((k): [string, string] => ["listed", k]), ["supporter", "G000555"], ["supporter", rep22.value]];
    const saved = await post(app, "/admin/campaigns/residency-shortage-act/supporters?state=NY", body, staff);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/admin/campaigns/residency-shortage-act/supporters?state=NY");
    expect(saved.headers.getSetCookie().some((c) => c.startsWith("amg_flash="))).toBe(true);
    const sent = await post(app, "/act/residency-shortage-act?zip=13202", letterFrom13202("sam@example.org"));
    expect(sent.status).toBe(302);
    // The held page already holds the prepared letters; confirming counts them in the results.
    const held = await page(await fetch(`${app.url}${sent.headers.get("location")}`));
    await confirmLetters("sam@example.org");
    const letters = held.root.querySelectorAll("textarea").map((area) => area.text);
    expect(letters.find((l) => l.startsWith("Dear Representative"))).toContain("Thank you for supporting");
    expect(letters.find((l) => l.startsWith("Dear Senator Charles E. Schumer"))).toContain("Please cosponsor the Resident Physician Shortage Reduction Act, for doctors in New York.");
    expect(letters.find((l) => l.startsWith("Dear Senator Kirsten E. Gillibrand"))).toContain("Thank you for supporting");
  });

  it("shows results by office and state, every letter as CSV, and a printable packet per office", async () => {
    const results = await text(await get("/admin/campaigns/residency-shortage-act/results"));
    expect(await stats(await get("/admin/campaigns/residency-shortage-act/results"))).toEqual(
      expect.arrayContaining([
        "1 person took part, of a goal of 5,000",
        "0 letters delivered by e-mail",
        "0 letters the writers report sending (contact form or phone)",
        "3 letters only prepared (not reported sent)",
      ]),
    );
    expect(results).toContain("New York: 1");
    expect(results).toContain("NY-22: 1");
    const csv = await get("/admin/campaigns/residency-shortage-act/letters.csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const rows = (await csv.text()).trim().split("\n");
    expect(rows[0]).toBe(
      "sent_at,office,office_key,chamber,district,letter_version,status,constituent_name,constituent_email,street,city,state,zip,subject,constituent_message,organisation_statement",
    );
    expect(rows.filter((r) => r.includes(",prepared,Sam Reyes,sam@example.org,1 Clinton Sq,Syracuse,NY,13202,"))).toHaveLength(3);
    const office = await get("/admin/campaigns/residency-shortage-act/letters.csv?office=S000148");
    expect(
      (await office.text())
        .trim()
        .split("\n")
        .filter((r) => r.includes("Sam Reyes,sam@example.org")),
    ).toHaveLength(1);
    const packet = await text(await get("/admin/campaigns/residency-shortage-act/packet?office=S000148"));
    expect(packet).toContain("Letters to Senator Charles E. Schumer");
    expect(packet).toContain("Sam Reyes, Syracuse, NY 13202");
    expect(packet).toContain("Statement of the organisation");
    const audit = await text(await get("/admin/audit?action=campaign.export"));
    expect(audit).toContain("Exported a campaign's letters");
  });

  it("answers a bot that fills the hidden field with a thank-you, and stores nothing", async () => {
    const res = await post(app, "/act/residency-shortage-act?zip=13202", letterFrom13202("bot@example.org", { website: "http://spam.example" }));
    expect(res.headers.get("location")).toBe("/act/residency-shortage-act/thanks");
    const fresh = await formStampOf(app, "/act/residency-shortage-act?zip=13202", { fresh: true, waitUntilAccepted: false });
    const tooFast = await post(app, "/act/residency-shortage-act?zip=13202", letterFrom13202("fast@example.org", { rendered: fresh }));
    expect(tooFast.headers.get("location")).toBe("/act/residency-shortage-act/thanks");
    // A time the client chose (the old unsigned field) is not the server's stamp.
    const forged = await post(app, "/act/residency-shortage-act?zip=13202", letterFrom13202("forged@example.org", { rendered: "1" }));
    expect(forged.headers.get("location")).toBe("/act/residency-shortage-act/thanks");
    expect(await stats(await get("/admin/campaigns/residency-shortage-act/results"))).toContain("1 person took part, of a goal of 5,000");
  });

  it("uses the ZIP code on a signed-in member's profile", async () => {
    expect((await post(app, "/join/apply", application("member@example.org", { zip: "99901" }))).status).toBe(200);
    const id = (await page(await get("/admin/applications"))).linksNamed("Dr. Ana Reyes")[0].split("/").pop()!;
    const reviewCsrf = await csrfTokenOf(app, `/admin/applications/${id}`, staff);
    expect((await post(app, `/admin/applications/${id}`, { csrf: reviewCsrf, outcome: "approve", note: "" }, staff)).status).toBe(302);
    const member = await signInOverHttp(app, sink, "member@example.org");
    const html = await text(await fetch(`${app.url}/act/collaborative-practice`, { headers: { cookie: member } }));
    expect(html).toContain("We used the ZIP code on your profile.");
    expect(html).toContain("Your state senator");
    expect(html).toContain("In Alaska:");
    // The letter form starts with the member's name, e-mail and ZIP.
    const form = await page(await fetch(`${app.url}/act/collaborative-practice`, { headers: { cookie: member } }));
    expect(form.field("Your name").value).toBe("Dr. Ana Reyes");
    expect(form.field("Your e-mail").value).toBe("member@example.org");
    const finder = await text(await fetch(`${app.url}/act`, { headers: { cookie: member } }));
    expect(finder).toContain("We used the ZIP code on your profile.");
    expect(finder).toContain("Your members of Congress for ZIP 99901");
  });

  it("delivers to a state legislator's address as corrected by staff", async () => {
    const path = "/admin/state-legislators/b2eaa848-d651-4521-9abb-21b68da5d5c6"; // Jeremy Bynum, Alaska House district 1
    const bad = await post(app, path, { csrf, email: "not-an-address", capitolPhone: "", website: "", note: "" }, staff);
    expect(bad.status).toBe(400);
    expect(await text(bad)).toContain("Please enter an e-mail address like senator@legislature.gov.");
    expect((await post(app, path, { csrf, email: "bynum.office@akleg.example", capitolPhone: "", website: "", note: "Office moved" }, staff)).status).toBe(302);
    expect(await text(await fetch(`${app.url}/act/state/AK?q=Bynum`))).toContain("bynum.office@akleg.example");
    const letter = {
      zip: "99901",
      rendered: stamp,
      upperId: "ocd-person/bfdc2ee2-7760-4119-9d68-4962f1e1a285",
      lowerId: "ocd-person/b2eaa848-d651-4521-9abb-21b68da5d5c6",
      letter: "Please license medical graduates for collaborative practice in Alaska.",
      name: "Kim Park",
      email: "kim@example.org",
      street: "2 Water St",
      city: "Ketchikan",
    };
    expect((await post(app, "/act/collaborative-practice?zip=99901", letter)).status).toBe(302);
    await confirmLetters("kim@example.org");
    const office = await sink.waitFor((m) => m.to.includes("bynum.office@akleg.example"));
    expect(office.header("reply-to")).toContain("kim@example.org");
    expect((await page(await get("/admin/state-legislators?q=AK"))).records()).toContainEqual(
      expect.objectContaining({ Name: "Jeremy Bynum", "E-mail": "bynum.office@akleg.example", Corrected: "Yes" }),
    );
  });

  it("asks for the congressional district only when the campaign writes to the House", async () => {
    expect(await text(await fetch(`${app.url}/act/residency-shortage-act?zip=10001`))).toContain("Your congressional district");
    const state = await text(await fetch(`${app.url}/act/collaborative-practice?zip=10001`));
    expect(state).not.toContain("Your congressional district");
    expect(state).toContain("Your state senator");
  });

  it("says so when a place has none of the offices a campaign writes to", async () => {
    const html = await text(await fetch(`${app.url}/act/collaborative-practice?zip=96910`)); // Guam: no state legislators in the data
    expect(html).toContain("This campaign writes to offices Guam does not have");
    expect(html).not.toContain("Send my letters");
  });

  it("names a bad ZIP code on the page and keeps the campaign readable", async () => {
    const res = await fetch(`${app.url}/act/residency-shortage-act?zip=12ab`);
    expect(res.status).toBe(200);
    expect((await page(res)).field("ZIP code where you live")).toMatchObject({ value: "12ab", isInvalid: true, error: "A ZIP code has 5 digits, like 13202." });
  });
  it("shows a writer's letters and address only with the signed link, and lets them mark a letter as sent", async () => {
    const sent = await post(app, "/act/residency-shortage-act?zip=13202", letterFrom13202("finish@example.org"));
    expect(sent.status).toBe(302);
    const location = await confirmLetters("finish@example.org");
    expect(location).toMatch(/\/act\/residency-shortage-act\/sent\/[\w-]+\?key=[\w-]{43}$/);
    const own = await page(await fetch(`${app.url}${location}`));
    expect(own.headings(1)).toEqual(["3 of 3 letters still need you"]);
    expect(own.text).toContain("1 Clinton Sq");
    // The representative's data has no contact form: no link called one, the phone and his site instead.
    expect(own.linksNamed("Open the office's contact form")).toHaveLength(2);
    expect(own.text).toContain("We have no contact form for this office: please call it with the script below, or look for a form on the office's website.");
    expect(own.text).toContain("my name is Sam Reyes and I am a constituent from Syracuse, ZIP code 13202");
    // Anyone else with the address of the page (no key, or a wrong one) sees nothing personal.
    const withoutKey = location.split("?")[0];
    for (const path of [withoutKey, `${withoutKey}?key=${"A".repeat(43)}`]) {
      const other = await text(await fetch(`${app.url}${path}`));
      expect(other).toContain("These letters are shown only to the person who wrote them.");
      expect(other).not.toContain("1 Clinton Sq");
      expect(other).not.toContain("finish@example.org");
    }
    const key = new URL(`${app.url}${location}`).searchParams.get("key")!;
    const letterId = own.formEntries("letter").find(([name]) => name === "letter")![1];
    expect((await post(app, withoutKey, { letter: letterId, via: "form", key: "" })).status).toBe(404);
    const marked = await post(app, withoutKey, { letter: letterId, via: "phone", key });
    expect(marked.status).toBe(302);
    expect(marked.headers.get("location")).toBe(`${location}#letter-${letterId}`);
    const after = await page(await fetch(`${app.url}${location}`));
    expect(after.headings(1)).toEqual(["2 of 3 letters still need you"]);
    expect(after.text).toContain("You sent it by phone on");
    expect(await stats(await get("/admin/campaigns/residency-shortage-act/results"))).toEqual(
      expect.arrayContaining(["1 letter the writers report sending (contact form or phone)", "5 letters only prepared (not reported sent)"]),
    );
  });

  it("never shows {{braces}} on the public form, and invites instead of counting under the threshold", async () => {
    const html = await (await fetch(`${app.url}/act/residency-shortage-act?zip=13202`)).text();
    expect(html).not.toContain("{{");
    expect(parseHtml(html).text).toContain("Be among the first to write.");
    expect(parseHtml(html).text).not.toContain("people have written of a goal");
    expect(await text(await fetch(`${app.url}/act`))).toContain("Be among the first to write.");
    // Share previews: a title, a description and the share image.
    expect(html).toContain('property="og:image" content="');
    expect(html).toContain("/share-card.png");
    expect(html).toContain('name="twitter:card" content="summary_large_image"');
    expect((await fetch(`${app.url}/share-card.png`)).headers.get("content-type")).toBe("image/png");
  });

  it("lets staff set the counters' threshold, refusing what is not a whole number", async () => {
    const settingsCsrf = await csrfTokenOf(app, "/admin/settings", staff);
    const values: Record<string, string> = { ...Object.fromEntries((await page(await get("/admin/settings"))).formEntries("timeZone")), csrf: settingsCsrf };
    const bad = await post(app, "/admin/settings", { ...values, threshold: "a few" }, staff);
    expect(bad.status).toBe(400);
    expect((await page(bad)).field("Show a count from")).toMatchObject({
      value: "a few",
      isInvalid: true,
      error: "Please enter a whole number from 0 to 1,000,000 for the smallest count the site shows.",
    });
    expect((await post(app, "/admin/settings", { ...values, threshold: "0" }, staff)).status).toBe(302);
    await expect.poll(async () => text(await fetch(`${app.url}/act/residency-shortage-act`))).toContain("people have written of a goal of 5,000");
    expect((await post(app, "/admin/settings", { ...values, threshold: "25" }, staff)).status).toBe(302);
  });
  it("offers an unticked Keep me updated box that survives a failed form; ticked, the held letters' one link subscribes the writer", async () => {
    const form = await page(await fetch(`${app.url}/act/residency-shortage-act?zip=13202`));
    expect(form.field(/^Keep me updated/)).toMatchObject({ isChecked: false });
    const failed = await post(app, "/act/residency-shortage-act?zip=13202", letterFrom13202("updates@example.org", { keepUpdated: "on", city: "" }));
    expect(failed.status).toBe(400);
    expect((await page(failed)).field(/^Keep me updated/)).toMatchObject({ isChecked: true });
    const sent = await post(app, "/act/residency-shortage-act?zip=13202", letterFrom13202("updates@example.org", { keepUpdated: "on" }));
    expect(sent.status).toBe(302);
    const csv = async () => (await get("/admin/subscribers.csv?q=updates%40example.org")).text();
    expect(await csv()).not.toContain("updates@example.org,active");
    const mail = await sink.waitFor((m) => m.to.includes("updates@example.org") && m.subject.startsWith("Please confirm your letters"));
    const token = new URL(findLink(mail, `${app.url}/act/confirm?token=`)).searchParams.get("token")!;
    expect(await text(await fetch(`${app.url}/act/confirm?token=${token}`))).toContain("you also join the e-mail list");
    expect((await post(app, "/act/confirm", { token })).status).toBe(302);
    expect(await csv()).toContain("updates@example.org,active,legislator-letter:residency-shortage-act");
    // One confirmation e-mail for both: no newsletter opt-in mail besides.
    const subjects = sink.messages.filter((m) => m.to.includes("updates@example.org")).map((m) => m.subject);
    expect(subjects.filter((s) => s.startsWith("Please confirm"))).toHaveLength(1);
  });
});
