// Walks every console route (read from the route table, so a new route is walked too) as
// anonymous, applicant, member, staff and admin, for GET and POST. An applicant (an account made by
// applying, not yet approved) is not a member: member pages are closed to them too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "~/app/routes";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { application, csrfTokenOf, formStampOf, post as postFrom, signInOverHttp } from "~/tests/helpers/http-session";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

function flatten(entries: RouteConfigEntry[], parent = ""): { path: string; file: string }[] {
  return entries.flatMap((entry) => {
    const path = [parent, entry.path ?? ""].filter(Boolean).join("/");
    return [...(entry.path !== undefined || entry.index ? [{ path, file: entry.file }] : []), ...flatten(entry.children ?? [], path)];
  });
}

const bynum = "ocd-person/b2eaa848-d651-4521-9abb-21b68da5d5c6"; // an Alaska state representative, from the shipped data
const consoleRoutes = flatten(routes as RouteConfigEntry[]).filter((r) => r.path === "admin" || r.path.startsWith("admin/"));

describe("console authorisation matrix", () => {
  let app: AppServer;
  let sink: SmtpSink;
  const cookies: Record<"applicant" | "member" | "staff" | "admin", string> = { applicant: "", member: "", staff: "", admin: "" };
  const ids: Record<string, string> = {};
  // The matrix sends more changes than one connection may in a minute: each comes from its own address.
  let calls = 0;
  const post = (_app: AppServer, path: string, values: Record<string, string>, cookie?: string) =>
    postFrom(app, path, values, cookie, { "x-forwarded-for": `198.51.${Math.floor(++calls / 250)}.${calls % 250}` });

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org", TRUST_PROXY: "true" });
    cookies.admin = await signInOverHttp(app, sink, "admin@example.org");
    const csrf = await csrfTokenOf(app, "/admin/people", cookies.admin);
    for (const [email, role] of [
      ["member@example.org", "member"],
      ["staff@example.org", "staff"],
    ]) {
      const res = await post(app, "/admin/people", { csrf, email, role }, cookies.admin);
      expect(res.status).toBe(302);
      if (role === "member") ids.person = res.headers.get("location")!.split("/").pop()!;
    }
    cookies.member = await signInOverHttp(app, sink, "member@example.org");
    cookies.staff = await signInOverHttp(app, sink, "staff@example.org");
    await post(app, "/contact", { name: "Pat", email: "pat@example.org", subject: "Hello there", message: "A message for the inbox." });
    await post(app, "/join/apply", application("applicant@example.org"));
    cookies.applicant = await signInOverHttp(app, sink, "applicant@example.org");
    const queue = await (await fetch(`${app.url}/admin/applications`, { headers: { cookie: cookies.staff } })).text();
    ids.application = queue.match(/href="\/admin\/applications\/([^"]+)"/)![1];
    const letter = {
      zip: "99901",
      rendered: await formStampOf(app, "/act/collaborative-practice?zip=99901"),
      upperId: "ocd-person/bfdc2ee2-7760-4119-9d68-4962f1e1a285",
      lowerId: bynum,
      letter: "Please license medical graduates for collaborative practice in Alaska.",
      name: "Ann Lee",
      email: "ann@example.org",
      street: "1 Main St",
      city: "Ketchikan",
    };
    expect((await post(app, "/act/collaborative-practice?zip=99901", letter)).status).toBe(302);
    // Not signed in as Ann: her letters count (and reach the office's packet) once she opens the e-mailed link.
    const confirm = await sink.waitFor((m) => m.to.includes("ann@example.org") && m.subject.startsWith("Please confirm your letters"));
    expect((await post(app, "/act/confirm", { token: new URL(findLink(confirm, `${app.url}/act/confirm?token=`)).searchParams.get("token")! })).status).toBe(302);
    const upload = new FormData();
    upload.set("csrf", await csrfTokenOf(app, "/admin/applications/import", cookies.staff));
    upload.set("file", new Blob(["name,email\n"], { type: "text/csv" }), "members.csv");
    const imported = await fetch(`${app.url}/admin/applications/import`, { method: "POST", body: upload, redirect: "manual", headers: { cookie: cookies.staff, origin: app.url } });
    ids.import = imported.headers.get("location")!.split("/").pop()!;
    const draft = await post(
      app,
      "/admin/newsletters/new",
      { csrf: await csrfTokenOf(app, "/admin/newsletters/new", cookies.staff), subject: "Matrix", markdown: "Hello", topic: "newsletter", aud_subscribers: "on" },
      cookies.staff,
    );
    ids.newsletter = draft.headers.get("location")!.split("/").pop()!;
    const inbox = await (await fetch(`${app.url}/admin/inbox`, { headers: { cookie: cookies.staff } })).text();
    ids.message = inbox.match(/href="\/admin\/inbox\/([^"]+)"/)![1];
    const postsPage = await (await fetch(`${app.url}/admin/posts`, { headers: { cookie: cookies.staff } })).text();
    ids.post = postsPage.match(/href="\/admin\/posts\/(?!new)([^"?]+)"/)![1];
    const authors = await (await fetch(`${app.url}/admin/authors`, { headers: { cookie: cookies.staff } })).text();
    ids.author = authors.match(/href="\/admin\/authors\/([^"]+)"/)![1];
    // A physician offers to mentor (the e-mailed link proves the address): the console's mentor page has someone to show.
    const offer = {
      rendered: await formStampOf(app, "/mentors", { fresh: true }),
      name: "Ana Rivera",
      email: "dr.rivera@example.org",
      specialty: "Family Medicine",
      licenceStates: "NY",
      practiceSetting: "community",
      yearsInPractice: "10",
      topics: "interviews",
      capacity: "2",
      availability: "weekends",
    };
    expect((await post(app, "/mentors", offer)).status).toBe(302);
    const mentorMail = await sink.waitFor((m) => m.to.includes("dr.rivera@example.org") && m.subject.startsWith("Confirm your offer to mentor"));
    expect((await post(app, "/mentors/confirm", { token: new URL(findLink(mentorMail, `${app.url}/mentors/confirm?token=`)).searchParams.get("token")! })).status).toBe(302);
    const mentorsPage = await (await fetch(`${app.url}/admin/mentorship/mentors`, { headers: { cookie: cookies.staff } })).text();
    ids.mentor = mentorsPage.match(/name="mentor" value="([^"]+)"/)![1];
    const round = await post(app, "/admin/mentorship", { csrf: await csrfTokenOf(app, "/admin/mentorship", cookies.staff), intent: "run", objective: "score" }, cookies.staff);
    ids.round = round.headers.get("location")!.split("/").pop()!;
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const urlOf = (path: string) =>
    `/${path
      .replace("inbox/:publicId", `inbox/${ids.message}`)
      .replace("newsletters/:publicId", `newsletters/${ids.newsletter}`)
      .replace("rounds/:publicId", `rounds/${ids.round}`)
      .replace("mentorship/mentors/:publicId", `mentorship/mentors/${ids.mentor}`)
      .replace("people/:publicId", `people/${ids.person}`)
      .replace("legislators/:bioguide", "legislators/M001231")
      .replace("figures/:slug", "figures/shortage-areas")
      .replace("import/:publicId", `import/${ids.import}`)
      .replace("posts/:publicId", `posts/${ids.post}`)
      .replace("authors/:publicId", `authors/${ids.author}`)
      .replace("applications/:publicId", `applications/${ids.application}`)
      .replace("campaigns/:slug/packet", `campaigns/collaborative-practice/packet?office=${encodeURIComponent(bynum)}`)
      .replace("campaigns/:slug", "campaigns/residency-shortage-act")
      .replace("open-letters/:slug", "open-letters/aamc")
      .replace("state-pathways/:state", "state-pathways/NY")
      .replace("state-legislators/:uuid", `state-legislators/${bynum.split("/")[1]}`)
      .replace(/^admin\/reports\.csv$/, "admin/reports.csv?table=growth")}`;

  it("finds the console routes in the route table", () => {
    expect(consoleRoutes.map((r) => r.path)).toEqual(expect.arrayContaining(["admin", "admin/inbox", "admin/settings", "admin/audit", "admin/subscribers.csv"]));
    for (const r of consoleRoutes) expect(urlOf(r.path), `add an id for ${r.path} to this test`).not.toContain(":");
  });

  it("sends anonymous visitors to the sign-in page, for every console route", async () => {
    for (const r of consoleRoutes) {
      const res = await fetch(`${app.url}${urlOf(r.path)}`, { redirect: "manual" });
      expect(res.status, r.path).toBe(302);
      expect(res.headers.get("location"), r.path).toBe(`/sign-in?next=${encodeURIComponent(urlOf(r.path))}`);
      const posted = await post(app, urlOf(r.path), { anything: "x" });
      expect([302, 405], r.path).toContain(posted.status);
      if (posted.status === 302) expect(posted.headers.get("location"), r.path).toMatch(/^\/sign-in\?next=/);
    }
  });

  it("answers members 403 on every console route, for reading and for changing", async () => {
    for (const r of consoleRoutes) {
      const res = await fetch(`${app.url}${urlOf(r.path)}`, { headers: { cookie: cookies.member } });
      expect(res.status, r.path).toBe(403);
      if (r.file.endsWith(".tsx")) expect(await res.text(), r.path).toContain("You do not have access to this page");
      const posted = await post(app, urlOf(r.path), { anything: "x" }, cookies.member);
      expect([403, 405], r.path).toContain(posted.status);
    }
  });

  it("answers applicants 403 on every console route and on the member pages: an applicant is not a member", async () => {
    for (const r of consoleRoutes) {
      const res = await fetch(`${app.url}${urlOf(r.path)}`, { headers: { cookie: cookies.applicant } });
      expect(res.status, r.path).toBe(403);
      const posted = await post(app, urlOf(r.path), { anything: "x" }, cookies.applicant);
      expect([403, 405], r.path).toContain(posted.status);
    }
    for (const path of ["/account/profile", "/account/cycles"]) {
      expect((await fetch(`${app.url}${path}`, { headers: { cookie: cookies.applicant } })).status, path).toBe(403);
      expect((await post(app, path, { anything: "x" }, cookies.applicant)).status, path).toBe(403);
    }
    // Their own account page is open to them, and says where the application stands.
    const account = await (await fetch(`${app.url}/account`, { headers: { cookie: cookies.applicant } })).text();
    expect(account).toContain("Your application");
    for (const path of ["/account/profile", "/account/cycles"]) expect((await fetch(`${app.url}${path}`, { headers: { cookie: cookies.member } })).status, path).toBe(200);
  });

  it("lets staff read every console route", async () => {
    for (const r of consoleRoutes) {
      const res = await fetch(`${app.url}${urlOf(r.path)}`, { headers: { cookie: cookies.staff } });
      expect(res.status, r.path).toBe(200);
    }
  });

  it("never shows readers a draft, a scheduled post or a revision: only staff see them, in the console", async () => {
    const csrf = await csrfTokenOf(app, "/admin/posts/new", cookies.staff);
    const write = (title: string, extra: Record<string, string>) => post(app, "/admin/posts/new", { csrf, kind: "post", title, body: `The text of ${title}.`, ...extra }, cookies.staff);
    const draft = await write("Matrix draft", { intent: "draft" });
    const scheduled = await write("Matrix scheduled", { intent: "publish", publishAt: "2099-06-01T09:00" });
    const published = await write("Matrix published", { intent: "publish" });
    for (const res of [draft, scheduled, published]) expect(res.status).toBe(302);
    const edit = (res: Response) => res.headers.get("location")!.split("?")[0]!;
    for (const [slug, isPublic] of [
      ["matrix-draft", false],
      ["matrix-scheduled", false],
      ["matrix-published", true],
    ] as const) {
      for (const who of [undefined, cookies.member, cookies.staff]) {
        const res = await fetch(`${app.url}/news/${slug}`, { headers: who ? { cookie: who } : {} });
        expect(res.status, `${slug} for ${who ? "a signed-in person" : "anonymous"}`).toBe(isPublic ? 200 : 404);
      }
    }
    for (const res of [draft, scheduled]) {
      const path = edit(res);
      expect((await fetch(`${app.url}${path}`, { redirect: "manual" })).status).toBe(302);
      expect((await fetch(`${app.url}${path}/revisions`, { headers: { cookie: cookies.member } })).status).toBe(403);
      const staffView = await fetch(`${app.url}${path}/revisions`, { headers: { cookie: cookies.staff } });
      expect(staffView.status).toBe(200);
    }
    const search = await (await fetch(`${app.url}/search?q=matrix`)).text();
    expect(search).toContain("Matrix published");
    expect(search).not.toContain("Matrix draft");
    expect(search).not.toContain("Matrix scheduled");
  });

  it("refuses a staff change that carries no CSRF token, and a role change by staff who are not admins", async () => {
    const noToken = await post(app, "/admin/settings", { name: "Hijacked" }, cookies.staff);
    expect(noToken.status).toBe(403);
    const csrf = await csrfTokenOf(app, "/admin/settings", cookies.staff);
    const grant = await post(app, `/admin/people/${ids.person}`, { csrf, role: "admin", intent: "grant" }, cookies.staff);
    expect(grant.status).toBe(403);
  });

  it("takes a role change into effect at the next request", async () => {
    const csrf = await csrfTokenOf(app, `/admin/people/${ids.person}`, cookies.admin);
    expect((await post(app, `/admin/people/${ids.person}`, { csrf, role: "staff", intent: "grant" }, cookies.admin)).status).toBe(302);
    expect((await fetch(`${app.url}/admin`, { headers: { cookie: cookies.member } })).status).toBe(200);
    expect((await post(app, `/admin/people/${ids.person}`, { csrf, role: "staff", intent: "revoke" }, cookies.admin)).status).toBe(302);
    expect((await fetch(`${app.url}/admin`, { headers: { cookie: cookies.member } })).status).toBe(403);
    const audit = await (await fetch(`${app.url}/admin/audit?action=role.revoke`, { headers: { cookie: cookies.admin } })).text();
    expect(audit).toContain("member@example.org");
  });
});
