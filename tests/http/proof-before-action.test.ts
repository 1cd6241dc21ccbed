// Proof before anything happens in someone's name (docs/decisions/0012), over HTTP with a real SMTP
// sink: a browser that has not proven an e-mail address (signed in as it, or a link e-mailed to it)
// can neither see nor change what that address did before, and no office is e-mailed in its name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { parseHtml } from "~/tests/helpers/html-page";
import type { HtmlPage } from "~/tests/helpers/html-page";
import { application, csrfTokenOf, formStampOf, post, signInOverHttp } from "~/tests/helpers/http-session";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { ReceivedMail, SmtpSink } from "~/tests/helpers/smtp-sink";

/** What the page says, as a person reads it. */
const text = async (res: Response) => (await pageOf(res)).text;
const pageOf = async (res: Response): Promise<HtmlPage> => parseHtml(await res.text());
/** The page as read, and everything the browser receives (its data for hydration included): what must not leak is checked on this. */
const received = async (res: Response) => {
  const raw = await res.text();
  return { page: parseHtml(raw), raw };
};

const bynum = "representative.jeremy.bynum@akleg.gov";
const stedman = "senator.bert.stedman@akleg.gov";
/** The signed time stamps of the letter and open-letter forms, as a person's browser sends them back (the time trap). */
const stamps = { letter: "", signature: "" };
/** A letter to Alaska's state legislators, whose offices publish e-mail addresses. */
const akLetter = (email: string, who: { name: string; street: string; story: string }) => ({
  zip: "99901",
  rendered: stamps.letter,
  upperId: "ocd-person/bfdc2ee2-7760-4119-9d68-4962f1e1a285",
  lowerId: "ocd-person/b2eaa848-d651-4521-9abb-21b68da5d5c6",
  letter: "Please license medical graduates for collaborative practice in Alaska, as other states have.",
  email,
  city: "Ketchikan",
  ...who,
});

describe("proof before action", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let staff: string;
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    staff = await signInOverHttp(app, sink, "admin@example.org");
    [stamps.letter, stamps.signature] = await Promise.all([formStampOf(app, "/act/collaborative-practice?zip=99901"), formStampOf(app, "/letters/aamc")]);
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const get = (path: string, cookie = staff) => fetch(`${app.url}${path}`, { headers: { cookie } });
  const mailsTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));
  const nthMail = async (address: string, subject: string, nth = 0): Promise<ReceivedMail> => {
    await expect.poll(() => mailsTo(address).filter((m) => m.subject.startsWith(subject)).length, { timeout: 10_000 }).toBeGreaterThan(nth);
    return mailsTo(address).filter((m) => m.subject.startsWith(subject))[nth];
  };
  const outboxLists = async (address: string) => (await text(await get("/admin/outbox"))).includes(address);

  let victimPage = "";
  it("e-mails a legislator's office only once the writer opens the link sent to their address, and says so honestly", async () => {
    const sent = await post(
      app,
      "/act/collaborative-practice?zip=99901",
      akLetter("vera@example.org", { name: "Vera Lind", street: "9 Harbor Rd", story: "Vera's own story: three match cycles, no position." }),
    );
    expect(sent.status).toBe(302);
    const heldPage = await text(await fetch(`${app.url}${sent.headers.get("location")}`));
    expect(heldPage).toContain("We e-mailed a link to vera@example.org.");
    expect(heldPage).toContain("Your letters to Senator Bert Stedman and Representative Jeremy Bynum go out when you open it: nothing is sent to them before.");
    expect(heldPage).not.toContain("Sent by e-mail");
    const link = await nthMail("vera@example.org", "Please confirm your letters");
    expect(link.text).not.toContain("Vera Lind"); // the address is not proven: the mail repeats nothing typed
    expect(link.text).not.toContain("9 Harbor Rd");
    // Nothing to the offices: not delivered, not even queued.
    expect(mailsTo(bynum).length + mailsTo(stedman).length).toBe(0);
    expect(await outboxLists(bynum)).toBe(false);
    const url = findLink(link, `${app.url}/act/confirm?token=`);
    const confirmPage = await text(await fetch(url)); // a mail scanner opening the link sends nothing
    expect(confirmPage).toContain("Confirm and send my letters");
    expect(confirmPage).toContain("Vera Lind, 9 Harbor Rd, Ketchikan, AK 99901");
    expect(await outboxLists(bynum)).toBe(false);
    const confirmed = await post(app, "/act/confirm", { token: new URL(url).searchParams.get("token")! });
    expect(confirmed.status).toBe(302);
    victimPage = confirmed.headers.get("location")!;
    // The browser that opened the link gets the page with its signed key (decision 0017).
    expect(victimPage).toMatch(/^\/act\/collaborative-practice\/sent\/[\w-]+\?key=[\w-]{43}$/);
    const office = await sink.waitFor((m) => m.to.includes(bynum));
    expect(office.header("reply-to")).toContain("vera@example.org");
    expect(office.text).toContain("Vera's own story");
    const own = await received(await fetch(`${app.url}${victimPage}`));
    expect(own.page.headings(2)).toContain("Sent by e-mail");
    expect(own.raw).toContain("9 Harbor Rd"); // her letters, in the page's data
    expect((await post(app, "/act/confirm", { token: new URL(url).searchParams.get("token")! })).status).toBe(200); // used: "This link cannot be used"
  });

  it("never leads an attacker's POST with the writer's e-mail to the writer's page, never shows or changes the writer's letters, and e-mails no office", async () => {
    const attack = await post(
      app,
      "/act/collaborative-practice?zip=99901",
      akLetter("vera@example.org", { name: "Mallory Mask", street: "1 Fake St", story: "Words the writer never wrote, sent in her name." }),
    );
    expect(attack.status).toBe(302);
    const location = attack.headers.get("location")!;
    expect(location).not.toBe(victimPage);
    const seen = await received(await fetch(`${app.url}${location}`));
    expect(seen.page.headings(1)).toEqual(["2 of 2 letters still need you"]);
    expect(seen.page.text).toContain("Thank you, Mallory.");
    for (const secret of ["Vera", "9 Harbor Rd", "three match cycles"]) expect(seen.raw).not.toContain(secret);
    // The writer's own page and record are as they were.
    const own = await received(await fetch(`${app.url}${victimPage}`));
    expect(own.page.text).toContain("Thank you, Vera.");
    expect(own.raw).toContain("9 Harbor Rd");
    expect(own.raw).not.toContain("Mallory");
    await nthMail("vera@example.org", "Please confirm your letters", 1); // the second link, to Vera's own mailbox
    expect(mailsTo(bynum)).toHaveLength(1);
    expect(mailsTo(stedman)).toHaveLength(1);
    const csv = await (await get("/admin/campaigns/collaborative-practice/letters.csv")).text();
    expect(csv).toContain("Vera Lind");
    expect(csv).not.toContain("Mallory");
    expect((await pageOf(await get("/admin/campaigns/collaborative-practice/results"))).cellsOf(".stat-card")).toContainEqual(["1", expect.stringMatching(/^person took part, of a goal/)]);
  });

  it("writes at once for a person signed in as the address, and holds letters typed with another address", async () => {
    const own = await post(app, "/act/collaborative-practice?zip=99901", akLetter("admin@example.org", { name: "Ada Admin", street: "5 Creek St", story: "" }), staff);
    const ownPage = await text(await fetch(`${app.url}${own.headers.get("location")}`));
    expect(ownPage).toContain("Sent by e-mail");
    expect(ownPage).not.toContain("check your e-mail");
    const other = await post(app, "/act/collaborative-practice?zip=99901", akLetter("someone@example.org", { name: "Sid Other", street: "6 Creek St", story: "" }), staff);
    expect(await text(await fetch(`${app.url}${other.headers.get("location")}`))).toContain("We e-mailed a link to someone@example.org.");
  });

  it("keeps a reviewed application and its staff verification when someone else applies with its address, answering exactly as for a new address", async () => {
    expect((await post(app, "/join/apply", application("ana@example.org"))).status).toBe(200);
    await sink.waitFor((m) => m.subject.startsWith("[Application] Dr. Ana Reyes"));
    const id = (await pageOf(await get("/admin/applications"))).linksNamed("Dr. Ana Reyes")[0].split("/").pop()!;
    const csrf = await csrfTokenOf(app, `/admin/applications/${id}`, staff);
    expect((await post(app, `/admin/applications/${id}`, { csrf, intent: "verify" }, staff)).status).toBe(302);
    expect((await post(app, `/admin/applications/${id}`, { csrf, outcome: "reject", note: "We could not confirm your exams." }, staff)).status).toBe(302);

    const forged = { name: "Mallory Mask", schoolName: "Nowhere School" };
    const attack = await post(app, "/join/apply", application("ana@example.org", forged));
    const fresh = await post(app, "/join/apply", application("fresh@example.org", forged));
    const detail = await received(await get(`/admin/applications/${id}`));
    expect(detail.page.text).toContain("Verified by admin@example.org");
    expect(detail.page.text).toContain("status Rejected");
    expect(detail.page.text).toContain("SUNY Upstate Medical University");
    expect(detail.raw).not.toContain("Nowhere School");
    expect(attack.status).toBe(fresh.status);
    // The whole answer, markup and all, is the same as for a new address.
    const attackHtml = await attack.text();
    expect(parseHtml(attackHtml).headings(1)).toEqual(["Your answers meet AMG's membership rules"]);
    const same = (html: string, address: string) => html.replaceAll(address, "ADDRESS").replace(/nonce="[^"]*"/g, "");
    expect(same(attackHtml, "ana@example.org")).toBe(same(await fresh.text(), "fresh@example.org"));

    // Only Ana's mailbox can apply the answers: then the verification is cleared and it is back in review.
    const mail = await nthMail("ana@example.org", "Please confirm the changes to your application");
    const url = findLink(mail, `${app.url}/join/apply/confirm?token=`);
    const confirmPage = await text(await fetch(url));
    expect(confirmPage).toContain("Name: Mallory Mask, ZIP code 13202");
    expect(await text(await get(`/admin/applications/${id}`))).toContain("status Rejected");
    const applied = await post(app, "/join/apply/confirm", { token: new URL(url).searchParams.get("token")! });
    expect(await text(applied)).toContain("Your application is updated");
    const after = await text(await get(`/admin/applications/${id}`));
    expect(after).toContain("status Waiting for review");
    expect(after).toContain("Not verified yet.");
    expect(after).toContain("Nowhere School");
  });

  it("keeps a confirmed signature's name, place and visibility until its address confirms a change, counting it once", async () => {
    const sign = (values: Record<string, string>) => post(app, "/letters/aamc", { rendered: stamps.signature, signerRole: "", ...values });
    expect((await sign({ name: "Maria Lopez", email: "maria@example.org", zip: "13202", showName: "on" })).headers.get("location")).toBe("/letters/aamc/check-email");
    const first = await nthMail("maria@example.org", "Please confirm your signature");
    expect((await post(app, "/letters/confirm", { token: new URL(findLink(first, `${app.url}/letters/confirm?token=`)).searchParams.get("token")! })).headers.get("location")).toBe(
      "/letters/aamc/thanks",
    );
    const letterPage = async () => pageOf(await get("/letters/aamc")); // with a session: never a cached copy
    expect((await letterPage()).textsOf("li")).toContain("Maria, New York");
    const count = async () => (await letterPage()).text.match(/([\d,]+) signatures? of a goal/)?.[1];
    const counted = await count();

    expect((await sign({ name: "Mallory Mask", email: "maria@example.org", zip: "99901", showName: "on" })).headers.get("location")).toBe("/letters/aamc/check-email");
    const kept = await received(await get("/letters/aamc"));
    expect(kept.page.textsOf("li")).toContain("Maria, New York");
    expect(kept.raw).not.toContain("Mallory");
    expect(await count()).toBe(counted);

    const change = await nthMail("maria@example.org", "Please confirm the change to your signature");
    const url = findLink(change, `${app.url}/letters/confirm?token=`);
    expect(await text(await fetch(url))).toContain("Confirm the change to your signature");
    expect((await post(app, "/letters/confirm", { token: new URL(url).searchParams.get("token")! })).headers.get("location")).toBe("/letters/aamc/thanks");
    expect((await letterPage()).textsOf("li")).toContain("Mallory, Alaska");
    expect(await count()).toBe(counted);
  });
});
