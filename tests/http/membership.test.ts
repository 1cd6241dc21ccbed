// Applying for membership and staff review, over HTTP with a real SMTP sink.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { parseHtml } from "~/tests/helpers/html-page";
import type { HtmlPage } from "~/tests/helpers/html-page";
import { application, csrfTokenOf, post, signInOverHttp } from "~/tests/helpers/http-session";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

/** What the page says, as a person reads it. */
const text = async (res: Response) => (await page(res)).text;
const page = async (res: Response): Promise<HtmlPage> => parseHtml(await res.text());
/** Everything the browser receives, the page's data for hydration included: where absence is checked. */
const body = (res: Response) => res.text();

describe("membership applications", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let staff: string;
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    staff = await signInOverHttp(app, sink, "admin@example.org");
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const idOf = async (name: string) => {
    const queue = await page(await fetch(`${app.url}/admin/applications`, { headers: { cookie: staff } }));
    return queue.linksNamed(name)[0].split("/").pop()!;
  };

  it("shows the reasons at once to an ineligible applicant and offers the other ways to help", async () => {
    const res = await post(app, "/join/apply", application("lpr@example.org", { citizenship: "other", step2ck: "not-taken" }));
    expect(res.status).toBe(200);
    const html = await page(res);
    expect(html.headings(1)).toEqual(["Your answers do not meet AMG's membership rules"]);
    expect(html.textsOf("main li")).toEqual(
      expect.arrayContaining(["AMG's members are US citizens or lawful permanent residents; you marked neither.", "We need Step 2 CK passed; you marked it as not taken."]),
    );
    expect(html.linksNamed("subscribe to our newsletter")).toEqual(["/newsletter"]);
    const mail = await sink.waitFor((m) => m.to.includes("lpr@example.org"));
    expect(mail.text).toContain("you marked neither");
  });

  it("answers bad input with the problem beside each field, keeping what was typed", async () => {
    const res = await post(app, "/join/apply?degree=IMG", [
      ...Object.entries(application("typo@example.org", { zip: "123", graduationYear: "20019", degree: "IMG", schoolCountry: "", ecfmgCertified: "pending" })).filter(([k]) => k !== "workStates"),
      ["workStates", "NY"],
      ["workStates", "PA"],
    ]);
    expect(res.status).toBe(400);
    const html = await page(res);
    expect(html.field("Home ZIP code")).toMatchObject({ value: "123", error: "A ZIP code has 5 digits, like 13202." });
    expect(html.field("Year of graduation").error).toContain("Please enter a year up to");
    expect(html.field("Country of the school")).toMatchObject({ value: "", error: "Please enter the school's country." });
    // What was chosen stays chosen: the degree's questions, the ECFMG answer, the states.
    expect(html.field("School").value).toBe("SUNY Upstate Medical University");
    expect(html.field("ECFMG certification").value).toBe("pending");
    expect([html.field("New York").isChecked, html.field("Pennsylvania").isChecked, html.field("Texas").isChecked]).toEqual([true, true, false]);
    expect(html.field("USMLE Step 1 date").element.getAttribute("type")).toBe("date");
  });

  it("sends an eligible application to review; approval makes the applicant a member who can sign in", async () => {
    const res = await post(app, "/join/apply", application("ana@example.org"));
    expect((await page(res)).headings(1)).toEqual(["Your answers meet AMG's membership rules"]); // not signed in: the page does not say whether the address applied before
    await sink.waitFor((m) => m.subject.startsWith("[Application] Dr. Ana Reyes"));
    const id = await idOf("Dr. Ana Reyes");
    const detail = await text(await fetch(`${app.url}/admin/applications/${id}`, { headers: { cookie: staff } }));
    expect(detail).toContain("What the rules say: meets the rules");
    expect(detail).toContain("USMLE Step 2 CK: passed (2017-08-15)");
    expect(detail).toContain("US citizen");
    expect(detail).not.toMatch(/us-citizen|never-started|awaiting-review/);
    expect(detail).toContain("district NY-22");
    const csrf = await csrfTokenOf(app, `/admin/applications/${id}`, staff);
    const noReason = await post(app, `/admin/applications/${id}`, { csrf, outcome: "reject", note: "" }, staff);
    expect(noReason.status).toBe(400);
    expect(await text(noReason)).toContain("Please tell the applicant why");
    expect((await post(app, `/admin/applications/${id}`, { csrf, intent: "verify" }, staff)).status).toBe(302);
    expect((await post(app, `/admin/applications/${id}`, { csrf, outcome: "approve", note: "" }, staff)).status).toBe(302);
    const reviewed = await text(await fetch(`${app.url}/admin/applications/${id}`, { headers: { cookie: staff } }));
    expect(reviewed).toContain("Verified by admin@example.org");
    expect(reviewed).toContain("Marked an applicant's documents checked, by admin@example.org");
    expect(reviewed).toContain("Approved an application, by admin@example.org");
    const welcome = await sink.waitFor((m) => m.to.includes("ana@example.org") && m.subject.startsWith("Welcome"));
    expect(welcome.text).toContain(`${app.url}/sign-in`);
    const member = await signInOverHttp(app, sink, "ana@example.org");
    const account = await text(await fetch(`${app.url}/account`, { headers: { cookie: member } }));
    expect(account).toContain("(member)");
    const audit = await text(await fetch(`${app.url}/admin/audit?action=application.approve`, { headers: { cookie: staff } }));
    expect(audit).toContain("ana@example.org");

    // The member logs a match cycle, corrects it, downloads her data.
    const csrfMember = await csrfTokenOf(app, "/account/cycles", member);
    const bad = await post(
      app,
      "/account/cycles",
      { csrf: csrfMember, year: "2031", programmesApplied: "-3", interviews: "2", rankListSubmitted: "", outcome: "unmatched", amountSpent: "lots" },
      member,
    );
    expect(bad.status).toBe(400);
    const badHtml = await text(bad);
    expect(badHtml).toContain(`Please enter a year up to ${new Date().getUTCFullYear()}.`);
    expect(badHtml).toContain("Please enter the number of programmes, 0 or more.");
    expect(badHtml).toContain("Please say whether you submitted a rank list.");
    expect(badHtml).toContain("Please enter an amount in whole dollars, like 8500.");
    const cycle = { csrf: csrfMember, year: "2021", specialties: "Family medicine", programmesApplied: "120", interviews: "3", rankListSubmitted: "yes", outcome: "unmatched", amountSpent: "$8,500" };
    expect((await post(app, "/account/cycles", cycle, member)).status).toBe(302);
    expect((await post(app, "/account/cycles", { ...cycle, amountSpent: "9100" }, member)).status).toBe(302);
    const cycles = await text(await fetch(`${app.url}/account/cycles`, { headers: { cookie: member } }));
    expect(cycles).toContain("$9,100");
    expect(cycles).not.toContain("$8,500");
    const exported = await (await fetch(`${app.url}/account/my-data.json`, { headers: { cookie: member } })).json();
    expect(exported.account.email).toBe("ana@example.org");
    expect(exported.application).toMatchObject({ schoolName: "SUNY Upstate Medical University", status: "approved" });
    expect(exported.application.updateTokenHash).toBeUndefined();
    expect(exported.matchCycles).toEqual([expect.objectContaining({ year: 2021, amountSpent: 9100, outcome: "unmatched", rankListSubmitted: true })]);
  });

  it("lets a member keep her profile up to date (audited) and shows how complete it is, with this week's asks", async () => {
    const member = await signInOverHttp(app, sink, "ana@example.org");
    const home = await page(await fetch(`${app.url}/account`, { headers: { cookie: member } }));
    expect(home.headings(2)).toContain("What AMG asks of you this week");
    expect(home.linksNamed("Ask your legislators")).toEqual(["/act"]);
    expect(home.linksNamed("Sign AMG's open letters")).toEqual(["/letters"]);
    expect(home.text).toContain("Your profile is 100% complete.");
    expect(home.linksNamed("Download my data (CSV, for a spreadsheet)")).toEqual(["/account/my-data.csv"]);
    // Applying again once approved changes nothing: a member edits her profile instead.
    await post(app, "/join/apply", application("ana@example.org", { schoolName: "Some Other School" }));
    const form = await page(await fetch(`${app.url}/account/profile`, { headers: { cookie: member } }));
    expect(form.field("School").value).toBe("SUNY Upstate Medical University");
    expect(form.field("Specialties of interest").value).toBe("Family medicine, Pediatrics");
    const csrf = await csrfTokenOf(app, "/account/profile", member);
    expect((await post(app, "/account/profile", application("x@example.org", { zip: "10001" }), member)).status).toBe(403); // no CSRF token
    const bad = await post(app, "/account/profile", { ...application("x@example.org", { zip: "1320", graduationYear: "" }), csrf }, member);
    expect(bad.status).toBe(400);
    // The message is tied to its field (aria-describedby), which keeps what was typed.
    expect((await page(bad)).field("Home ZIP code")).toMatchObject({ value: "1320", error: "A ZIP code has 5 digits, like 13202." });
    const saved = await post(app, "/account/profile", { ...application("someone-else@example.org", { zip: "10001", specialties: "", trainingStatus: "left-residency" }), csrf }, member);
    expect(saved.status).toBe(302);
    const after = await page(await fetch(`${app.url}/account`, { headers: { cookie: member } }));
    expect(after.text).toContain("Your profile is 80% complete.");
    expect(after.linksNamed("your specialties of interest")).toEqual(["/account/profile#field-specialties"]);
    const mine = await (await fetch(`${app.url}/account/my-data.json`, { headers: { cookie: member } })).json();
    expect(mine.application).toMatchObject({ email: "ana@example.org", zip: "10001", trainingStatus: "left-residency", specialties: [], status: "approved" });
    const csv = await fetch(`${app.url}/account/my-data.csv`, { headers: { cookie: member } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).split("\n");
    expect(lines).toContain("application,zip,10001");
    expect(lines).toContain("application,USMLE Step 2 CK date,2017-08-15");
    expect(lines).toContain("application,trainingStatus,Left or did not complete residency");
    expect(lines).toContain("match cycle 2021,amountSpent,9100");
    const all = await text(await fetch(`${app.url}/admin/audit?action=application.profile-update`, { headers: { cookie: staff } }));
    expect(all).toContain("ana@example.org");
    expect(all).toContain("trainingStatus");
    expect((await fetch(`${app.url}/account/profile`, { headers: { cookie: staff } })).status).toBe(403); // members only
  });

  it("deletes a member's account after confirmation by e-mail, keeping only anonymous statistics she agreed to", async () => {
    const member = await signInOverHttp(app, sink, "ana@example.org");
    const csrf = await csrfTokenOf(app, "/account", member);
    expect((await post(app, "/account", { csrf, intent: "delete-account" }, member)).status).toBe(302);
    const mail = await sink.waitFor((m) => m.to.includes("ana@example.org") && m.subject.startsWith("Confirm deleting"));
    const link = findLink(mail, `${app.url}/account/delete?token=`);
    expect(await text(await fetch(link))).toContain("Delete my account now");
    const token = new URL(link).searchParams.get("token")!;
    const done = await post(app, "/account/delete", { token }, member);
    expect(done.status).toBe(200);
    expect(await text(done)).toContain("Your account is deleted");
    expect((await fetch(`${app.url}/account`, { headers: { cookie: member }, redirect: "manual" })).status).toBe(302);
    expect((await post(app, "/account/delete", { token })).status).toBe(400); // used
    const people = await body(await fetch(`${app.url}/admin/people?q=ana%40`, { headers: { cookie: staff } }));
    expect(people).not.toContain("ana@example.org");
    const queue = await body(await fetch(`${app.url}/admin/applications?status=approved`, { headers: { cookie: staff } }));
    expect(parseHtml(queue).text).toContain("(deleted)");
    expect(queue).not.toContain("Dr. Ana Reyes");
  });

  it("finds people in the directory despite a typo, filters them, and exports the filter as CSV", async () => {
    await post(
      app,
      "/join/apply",
      application("carla@example.org", { name: "Dr. Carla Mendez", schoolName: "Ross University School of Medicine", degree: "IMG", ecfmgCertified: "yes", zip: "10001" }),
    );
    const found = await text(await fetch(`${app.url}/admin/applications?status=all&q=Carla%20Mendes`, { headers: { cookie: staff } }));
    expect(found).toContain("Dr. Carla Mendez");
    const byState = await body(await fetch(`${app.url}/admin/applications?status=all&state=ny&degree=IMG`, { headers: { cookie: staff } }));
    expect(byState).toContain("Dr. Carla Mendez");
    expect(byState).not.toContain("Dr. Ben Ito");
    const byDistrict = await text(await fetch(`${app.url}/admin/applications?status=all&district=ny-12`, { headers: { cookie: staff } }));
    expect(byDistrict).toContain("Dr. Carla Mendez");
    const csv = await fetch(`${app.url}/admin/applications.csv?status=all&q=ross%20univ`, { headers: { cookie: staff } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toMatch(/^name,email,zip,state,degree,school/);
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(["carla@example.org"]);
    // The filters the query string keeps: exam result, ECFMG, specialty, years since graduation, verification.
    const filtered = await page(
      await fetch(`${app.url}/admin/applications?status=all&exam=step2ck&result=passed&ecfmg=yes&specialty=pediat&since_min=5&since_max=30&verified=no`, { headers: { cookie: staff } }),
    );
    expect(filtered.linksNamed("Dr. Carla Mendez")).toHaveLength(1);
    // The "More filters" section is open, since some of them are set.
    expect(
      filtered.root
        .querySelectorAll("details")
        .find((d) => d.querySelector("summary")?.text.trim() === "More filters")
        ?.hasAttribute("open"),
    ).toBe(true);
    const notPassed = await body(await fetch(`${app.url}/admin/applications?status=all&exam=step2ck&result=not-passed`, { headers: { cookie: staff } }));
    expect(notPassed).not.toContain("Dr. Carla Mendez");
    const recent = await body(await fetch(`${app.url}/admin/applications?status=all&specialty=pediat&since_max=2`, { headers: { cookie: staff } }));
    expect(recent).not.toContain("Dr. Carla Mendez"); // graduated 2019
    const exported = await (await fetch(`${app.url}/admin/applications.csv?status=all&ecfmg=yes&specialty=family`, { headers: { cookie: staff } })).text();
    expect(
      exported
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(",")[1]),
    ).toEqual(["carla@example.org"]);
  });

  it("keeps the match-cycle log to members", async () => {
    const res = await fetch(`${app.url}/account/cycles`, { headers: { cookie: staff } });
    expect(res.status).toBe(403);
  });

  it("asks for more information with a link that opens the application to update it", async () => {
    await post(app, "/join/apply", application("ben@example.org", { name: "Dr. Ben Ito", degree: "IMG", ecfmgCertified: "pending" }));
    const id = await idOf("Dr. Ben Ito");
    const csrf = await csrfTokenOf(app, `/admin/applications/${id}`, staff);
    expect((await post(app, `/admin/applications/${id}`, { csrf, outcome: "more-info", note: "Please tell us when your ECFMG certificate arrives." }, staff)).status).toBe(302);
    const mail = await sink.waitFor((m) => m.to.includes("ben@example.org") && m.subject === "We need a little more information");
    const link = findLink(mail, `${app.url}/join/apply?update=`);
    const form = await page(await fetch(link));
    expect(form.field("Full name").value).toBe("Dr. Ben Ito");
    // The form sends the link's token back: it proves the address, so the answers apply at once.
    const update = new URL(link).searchParams.get("update")!;
    expect(form.formEntries("update")).toContainEqual(["update", update]);
    const updated = await post(app, "/join/apply", { ...application("ben@example.org", { name: "Dr. Ben Ito", degree: "IMG", ecfmgCertified: "yes" }), update });
    expect(await text(updated)).toContain("Your answers meet AMG's membership rules");
    const detail = await text(await fetch(`${app.url}/admin/applications/${id}`, { headers: { cookie: staff } }));
    expect(detail).toContain("What the rules say: meets the rules");
    expect(detail).toContain("status Waiting for review");
  });

  it("imports members from CSV after a dry run that reports each bad row by row and column, and updates them on a second import", async () => {
    const template = await fetch(`${app.url}/admin/applications/import/template.csv`, { headers: { cookie: staff } });
    expect(template.headers.get("content-disposition")).toContain("members-template.csv");
    const [head, example] = parse(await template.text()) as string[][];
    const row = (changes: Record<string, string>) => head.map((c, i) => changes[c] ?? example[i]);
    const file = stringify([
      head,
      row({ name: "Dr. Imported One", email: "one@import.example" }),
      row({ name: "Dr. Imported Two", email: "two@import.example", zip: "123" }),
      row({ name: "Dr. Imported Three", email: "three@import.example", degree: "IMG", ecfmg_certified: "no" }),
    ]);
    const upload = async (csv: string, name = "members.csv") => {
      const body = new FormData();
      body.set("csrf", await csrfTokenOf(app, "/admin/applications/import", staff));
      body.set("file", new Blob([csv], { type: "text/csv" }), name);
      return fetch(`${app.url}/admin/applications/import`, { method: "POST", body, redirect: "manual", headers: { cookie: staff, origin: app.url } });
    };
    const empty = await upload("");
    expect(empty.status).toBe(400);
    expect(await text(empty)).toContain("Please choose a CSV file to upload.");
    const binary = await upload("PK\u0003\u0004\u0000\u0000 a spreadsheet, not CSV", "members.xlsx");
    expect(binary.status).toBe(400);
    expect(await text(binary)).toContain("This does not look like a CSV file");
    const started = await upload(file);
    expect(started.status).toBe(302);
    const importPage = `${app.url}${started.headers.get("location")}`;
    const read = async () => text(await fetch(importPage, { headers: { cookie: staff } }));
    await expect.poll(read).toContain("Dry run");
    const report = await page(await fetch(importPage, { headers: { cookie: staff } }));
    expect(report.text).toContain("3 rows: 2 valid, 1 with problems");
    expect(report.rows()).toEqual([["3", "zip", "A ZIP code has 5 digits, like 13202."]]);
    expect(report.refreshSeconds).toBeNull();
    const directory = async () => body(await fetch(`${app.url}/admin/applications?status=all&q=Dr.%20Imported`, { headers: { cookie: staff } }));
    expect(await directory()).not.toContain("Dr. Imported One"); // a dry run writes nothing
    const csrf = await csrfTokenOf(app, started.headers.get("location")!, staff);
    expect((await post(app, started.headers.get("location")!, { csrf, intent: "import" }, staff)).status).toBe(302);
    await expect.poll(read).toContain("2 added, 0 updated.");
    const imported = await directory();
    expect(imported).toContain("Dr. Imported One");
    expect(imported).toContain("Dr. Imported Three");
    expect(imported).not.toContain("Dr. Imported Two");
    const three = await text(await fetch(`${app.url}/admin/applications?status=ineligible&q=Imported%20Three`, { headers: { cookie: staff } }));
    expect(three).toContain("Dr. Imported Three"); // the rules decided: an international graduate without ECFMG certification
    const again = await upload(file);
    const againPage = again.headers.get("location")!;
    await expect.poll(async () => text(await fetch(`${app.url}${againPage}`, { headers: { cookie: staff } }))).toContain("Dry run");
    expect((await post(app, againPage, { csrf: await csrfTokenOf(app, againPage, staff), intent: "import" }, staff)).status).toBe(302);
    await expect.poll(async () => text(await fetch(`${app.url}${againPage}`, { headers: { cookie: staff } }))).toContain("0 added, 2 updated.");
    const audit = await text(await fetch(`${app.url}/admin/audit?action=application.import`, { headers: { cookie: staff } }));
    expect(audit).toContain("members.csv");

    // A large file: the page shows a progress bar and reloads itself while the job works; a checked import can be cancelled.
    const large = stringify([head, ...Array.from({ length: 20_000 }, (_, n) => row({ name: `Dr. Bulk ${n}`, email: `bulk${n}@import.example` }))]);
    const bulk = await upload(large, "large.csv");
    const bulkPage = bulk.headers.get("location")!;
    const running = await page(await fetch(`${app.url}${bulkPage}`, { headers: { cookie: staff } }));
    // On a fast machine the check can be over before the first look: the refresh rule itself is
    // unit-tested beside the route; here, a page seen while checking must reload itself and show the bar.
    if (!running.text.includes("20,000 valid")) {
      expect(running.refreshSeconds).toBe(2);
      const bar = running.root.querySelector("progress");
      expect(running.textOf(`[id="${bar?.getAttribute("aria-labelledby")}"]`)).toContain("Checking the file (dry run)");
    }
    await expect.poll(async () => text(await fetch(`${app.url}${bulkPage}`, { headers: { cookie: staff } }))).toContain("20,000 valid");
    expect((await post(app, bulkPage, { csrf: await csrfTokenOf(app, bulkPage, staff), intent: "cancel" }, staff)).status).toBe(302);
    const cancelled = await text(await fetch(`${app.url}${bulkPage}`, { headers: { cookie: staff } }));
    expect(cancelled).toContain("Cancelled: nothing was imported.");
    expect(cancelled).not.toContain("Import 20,000 valid rows");
  });

  it("saves a signed-in applicant's unfinished application and fills the form with it on return", async () => {
    const anonymous = await text(await fetch(`${app.url}/join/apply?degree=MD`));
    expect(anonymous).not.toContain("Save and finish later");
    expect((await post(app, "/join/apply", { name: "Dr. Nobody", intent: "save-draft" })).status).toBe(401);
    const before = await text(await fetch(`${app.url}/join/apply?degree=MD`, { headers: { cookie: staff } }));
    expect(before).toContain("Save and finish later");
    expect((await post(app, "/join/apply", { name: "Dr. Draft", intent: "save-draft" }, staff)).status).toBe(403); // no CSRF token
    const csrf = await csrfTokenOf(app, "/join/apply?degree=MD", staff);
    const saved = await post(app, "/join/apply", { csrf, intent: "save-draft", name: "Dr. Draft Person", zip: "12", degree: "DO", schoolName: "Touro" }, staff);
    expect(saved.status).toBe(200);
    const savedHtml = await text(saved);
    expect(savedHtml).toContain("Saved. Sign in again any time");
    expect(savedHtml).not.toContain("A ZIP code has 5 digits"); // nothing validated yet
    const back = await page(await fetch(`${app.url}/join/apply`, { headers: { cookie: staff } }));
    expect([back.field("Full name").value, back.field("Home ZIP code").value]).toEqual(["Dr. Draft Person", "12"]);
    expect(back.text).toContain("Degree: DO (a US osteopathic school)");
    expect(back.text).toContain("We filled in the form from the application you saved");
    const sent = await post(app, "/join/apply", { ...application("admin@example.org", { name: "Dr. Draft Person" }), csrf }, staff);
    expect(await text(sent)).toContain("Your answers meet AMG's membership rules");
    // The draft is gone: the form now shows the application sent, to correct it.
    const after = await page(await fetch(`${app.url}/join/apply`, { headers: { cookie: staff } }));
    expect(after.text).not.toContain("We filled in the form from the application you saved");
    expect(after.text).toContain("This is the application you sent");
  });
  it("asks the degree first, without JavaScript, then only the exams that degree needs", async () => {
    const first = await page(await fetch(`${app.url}/join/apply`));
    expect(first.formEntries("degree")).toEqual([]); // radios, none chosen yet
    expect([first.hasField("MD (a US medical school)"), first.hasField("DO (a US osteopathic school)"), first.hasField("International medical degree")]).toEqual([true, true, true]);
    expect(first.hasField("USMLE Step 1")).toBe(false);
    const md = await page(await fetch(`${app.url}/join/apply?degree=MD`));
    expect(["USMLE Step 1", "USMLE Step 2 CK", "USMLE Step 3"].map((l) => md.hasField(l))).toEqual([true, true, true]);
    expect(["COMLEX Level 1", "Country of the school", "ECFMG certification"].map((l) => md.hasField(l))).toEqual([false, false, false]);
    expect(md.formEntries("schoolCountry")).toContainEqual(["schoolCountry", "United States"]);
    expect(md.linksNamed("Change the degree")).toEqual(["/join/apply?step=degree"]);
    const doctor = await page(await fetch(`${app.url}/join/apply?degree=DO`));
    expect(["COMLEX Level 1", "COMLEX Level 2-CE", "COMLEX Level 3", "USMLE Step 1", "USMLE Step 2 CK"].map((l) => doctor.hasField(l))).toEqual([true, true, true, true, true]);
    const img = await page(await fetch(`${app.url}/join/apply?degree=IMG`));
    // An international graduate's school is not assumed to be in the United States.
    expect(img.field("Country of the school").value).toBe("");
    expect([img.hasField("ECFMG certification"), img.hasField("COMLEX Level 1")]).toEqual([true, false]);
    expect(img.field("New York").element.getAttribute("type")).toBe("checkbox");
  });

  it("gives an applicant an account: the receipt's link signs in, the account shows the application and its correction, and member pages stay closed", async () => {
    const res = await post(app, "/join/apply", application("dana@example.org", { name: "Dr. Dana Cho", step2ck: "pending" }));
    const result = await page(res);
    expect(result.headings(1)).toEqual(["Your answers meet AMG's membership rules, except what a volunteer must check"]);
    expect(result.text).toContain("What happens next");
    const receipt = await sink.waitFor((m) => m.to.includes("dana@example.org") && m.subject.startsWith("We received your application"));
    expect(receipt.text).toContain("Your answers:");
    expect(receipt.text).toContain("Citizenship: US citizen");
    const link = findLink(receipt, `${app.url}/join/apply/confirm?signin=`);
    // Opening the link changes nothing (a mail scanner may open it); the button signs in.
    const confirm = await page(await fetch(link));
    expect(confirm.text).toContain("This signs you in as dana@example.org");
    const signin = new URL(link).searchParams.get("signin")!;
    const done = await post(app, "/join/apply/confirm", { intent: "sign-in", signin });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/account");
    const cookie = done.headers
      .getSetCookie()
      .find((c) => c.startsWith("amg_session="))!
      .split(";")[0];
    expect((await post(app, "/join/apply/confirm", { intent: "sign-in", signin })).status).toBe(400); // once only
    const account = await page(await fetch(`${app.url}/account`, { headers: { cookie } }));
    expect(account.text).toContain("Signed in as Dr. Dana Cho, dana@example.org (applicant).");
    expect(account.text).toContain("Waiting for a volunteer's review");
    expect(account.text).toContain("We need Step 2 CK passed; you are waiting for the result");
    expect(account.linksNamed("Correct my application")).toEqual(["/join/apply"]);
    for (const memberPage of ["/account/profile", "/account/cycles"]) expect((await fetch(`${app.url}${memberPage}`, { headers: { cookie } })).status, memberPage).toBe(403);
    // The correction, signed in: the form holds the application sent, and applies at once.
    const form = await page(await fetch(`${app.url}/join/apply`, { headers: { cookie } }));
    expect(form.field("Full name").value).toBe("Dr. Dana Cho");
    const csrf = await csrfTokenOf(app, "/join/apply", cookie);
    const corrected = await post(app, "/join/apply", { ...application("dana@example.org", { name: "Dr. Dana Cho" }), csrf }, cookie);
    expect((await page(corrected)).headings(1)).toEqual(["Your answers meet AMG's membership rules"]);
    const after = await page(await fetch(`${app.url}/account`, { headers: { cookie } }));
    expect(after.text).toContain("Your answers meet AMG's membership rules.");
    expect(after.text).not.toContain("We need Step 2 CK passed");
    // Staff ask for more: the account shows the question.
    const id = await idOf("Dr. Dana Cho");
    const staffCsrf = await csrfTokenOf(app, `/admin/applications/${id}`, staff);
    await post(app, `/admin/applications/${id}`, { csrf: staffCsrf, outcome: "more-info", note: "Which school year did you graduate in?" }, staff);
    const asked = await page(await fetch(`${app.url}/account`, { headers: { cookie } }));
    expect(asked.text).toContain("A volunteer asked you for more information");
    expect(asked.text).toContain("Which school year did you graduate in?");
  });
  it("offers an unticked Keep me updated box that survives a failed form; ticked, the receipt's one link signs in and subscribes", async () => {
    const form = await page(await fetch(`${app.url}/join/apply?degree=MD`));
    expect(form.field(/^Keep me updated/)).toMatchObject({ isChecked: false });
    const failed = await post(app, "/join/apply?degree=MD", application("updates@example.org", { zip: "123", keepUpdated: "on" }));
    expect(failed.status).toBe(400);
    expect((await page(failed)).field(/^Keep me updated/)).toMatchObject({ isChecked: true });
    expect((await post(app, "/join/apply?degree=MD", application("updates@example.org", { keepUpdated: "on" }))).status).toBe(200);
    const csv = async () => (await fetch(`${app.url}/admin/subscribers.csv?q=updates%40example.org`, { headers: { cookie: staff } })).text();
    expect(await csv()).not.toContain("updates@example.org,active");
    const receipt = await sink.waitFor((m) => m.to.includes("updates@example.org") && m.subject.startsWith("We received your application"));
    const link = findLink(receipt, `${app.url}/join/apply/confirm?signin=`);
    expect(await text(await fetch(link))).toContain("You also join the e-mail list");
    expect((await post(app, "/join/apply/confirm", { intent: "sign-in", signin: new URL(link).searchParams.get("signin")! })).status).toBe(302);
    expect(await csv()).toContain("updates@example.org,active,membership-application");
    // One e-mail for both: no newsletter opt-in mail besides the receipt.
    expect(sink.messages.filter((m) => m.to.includes("updates@example.org")).map((m) => m.subject)).toEqual([receipt.subject]);
  });
});
