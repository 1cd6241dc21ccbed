// Sends hostile input to every route of the route table (so a new route is covered without
// touching this file), anonymously and as a signed-in admin whose forms carry their CSRF token:
// NUL bytes in the address and the query, numbers past every range, bodies that are not forms,
// broken multipart, forms with control characters and oversized fields (scraped from the page's
// own forms, so the actions are really reached), other methods, a malformed session cookie.
// Nothing may answer 5xx. Then the limits the audit found: client IPs behind a proxy, body sizes,
// and posts to the console that are refused before their body is read.
import http from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "~/app/routes";
import { parseHtml } from "~/tests/helpers/html-page";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { application, csrfTokenOf, form, signInOverHttp } from "~/tests/helpers/http-session";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

type RoutePath = { path: string; file: string };

function flatten(entries: RouteConfigEntry[], parent = ""): RoutePath[] {
  return entries.flatMap((entry) => {
    const path = [parent, entry.path ?? ""].filter(Boolean).join("/");
    return [...(entry.path !== undefined || entry.index ? [{ path, file: entry.file }] : []), ...flatten(entry.children ?? [], path)];
  });
}

const bynum = "ocd-person/b2eaa848-d651-4521-9abb-21b68da5d5c6"; // an Alaska state representative, in the reference fixture

/** Real values for the dynamic segments we know (by the segment before them, then by name); any other gets a sample. */
function fillSegments(path: string, known: Record<string, string>): string {
  const segments = path.split("/");
  return `/${segments
    .map((segment, i) => (segment === "*" ? "no-such-page" : segment.startsWith(":") ? (known[`${segments[i - 1]}/${segment}`] ?? known[segment] ?? "sample-value") : segment))
    .join("/")}`;
}

/** The same address with %00 in place of each dynamic segment (or after the last one). */
function withNulSegment(path: string, known: Record<string, string>): string {
  const dynamic = path.split("/").some((s) => s.startsWith(":") || s === "*");
  if (!dynamic) return `${fillSegments(path, known).replace(/\/$/, "")}/%00`;
  return fillSegments(path, Object.fromEntries(Object.keys(known).map((k) => [k, "%00"]))).replace(/sample-value|no-such-page/g, "%00");
}

type FormField = { name: string; value: string; kind: "hidden" | "text" | "choice" };

/** The post forms of a page that post to the page itself, as the fields a browser would send. */
function postFormsOf(html: string, path: string): FormField[][] {
  const forms: FormField[][] = [];
  for (const formElement of parseHtml(html).root.querySelectorAll("form")) {
    if (formElement.getAttribute("method")?.toLowerCase() !== "post") continue;
    const action = formElement.getAttribute("action");
    if (action !== undefined && action.split("?")[0] !== path.split("?")[0]) continue;
    const fields: FormField[] = [];
    const seen = new Set<string>();
    for (const input of formElement.querySelectorAll("input[name]")) {
      const name = input.getAttribute("name")!;
      const type = input.getAttribute("type") ?? "text";
      if (type === "file" || type === "submit") continue;
      if ((type === "checkbox" || type === "radio") && (!input.hasAttribute("checked") || seen.has(name))) continue;
      seen.add(name);
      fields.push({ name, value: input.getAttribute("value") ?? "", kind: type === "hidden" ? "hidden" : type === "checkbox" || type === "radio" ? "choice" : "text" });
    }
    for (const area of formElement.querySelectorAll("textarea[name]")) fields.push({ name: area.getAttribute("name")!, value: area.text, kind: "text" });
    for (const select of formElement.querySelectorAll("select[name]")) {
      const options = select.querySelectorAll("option");
      const chosen = options.find((o) => o.hasAttribute("selected")) ?? options[0];
      fields.push({ name: select.getAttribute("name")!, value: chosen?.getAttribute("value") ?? "", kind: "choice" });
    }
    for (const button of formElement.querySelectorAll("button[name]")) {
      const name = button.getAttribute("name")!;
      if (!seen.has(name)) fields.push({ name, value: button.getAttribute("value") ?? "", kind: "hidden" });
    }
    forms.push(fields);
  }
  // Forms that send the same fields (a button per row or per role) reach the same code: one of each, three at most.
  const distinct = new Map(
    forms.map((fields) => [
      fields
        .map((f) => f.name)
        .sort()
        .join(","),
      fields,
    ]),
  );
  return [...distinct.values()].slice(0, 3);
}

/** Form variants that pass the HTTP entry and reach the action: control characters in every text field, and every text field long. */
function hostileForms(fields: FormField[]): [string, string][][] {
  const texts = fields.filter((f) => f.kind === "text").length || 1;
  const long = Math.min(30_000, Math.floor(200_000 / texts));
  const sample = (f: FormField) => f.value || (/mail/i.test(f.name) ? "fuzz@example.org" : "Fuzz 123 Main St");
  return [
    fields.map((f) => [f.name, f.kind === "text" ? `${sample(f)}\r\nBcc: x@example.org\u0001\u001b\t` : f.value]),
    fields.map((f) => [f.name, f.kind === "text" ? sample(f).padEnd(long, "x") : f.value]),
    fields.map((f) => [f.name, f.kind === "hidden" ? f.value : `${sample(f)}-not-a-choice`]),
  ];
}

type Probe = { label: string; url: string; init: RequestInit };
type Outcome = { label: string; url: string; status: number; ms?: number };

const cutOffUpload = '--fuzzboundary\r\nContent-Disposition: form-data; name="file"; filename="members.csv"\r\nContent-Type: text/csv\r\n\r\nname,email\nAnn,';
const brokenMultipart = '--fuzzboundary\r\nContent-Disposition: form-data; name="name"\r\n\r\nhalf a part with no end';

describe("every route, given hostile input", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let adminCookie = "";
  const known: Record<string, string> = {
    "act/:slug": "collaborative-practice",
    "letters/:slug": "aamc",
    "state/:state": "NY",
    "figures/:slug": "shortage-areas",
    "campaigns/:slug": "residency-shortage-act",
    "state-pathways/:state": "NY",
    "legislators/:bioguide": "M001231",
    "state-legislators/:uuid": bynum.split("/")[1]!,
  };
  let ip = 0;
  /** Each change from its own address, so the per-IP limits count but none is reached. */
  const nextIp = () => `198.18.${Math.floor(++ip / 250) % 250}.${ip % 250}`;

  const send = (url: string, init: RequestInit = {}, cookie?: string): Promise<Response> => {
    const headers = { origin: app.url, "x-forwarded-for": nextIp(), ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) };
    if (init.method === "TRACE") return sendByNode(url, init.method, headers);
    return fetch(`${app.url}${url}`, { redirect: "manual", signal: AbortSignal.timeout(10_000), ...init, headers });
  };

  /** fetch refuses to send TRACE (and CONNECT); node:http sends any method. */
  const sendByNode = (url: string, method: string, headers: Record<string, string>): Promise<Response> =>
    new Promise((resolve, reject) => {
      const req = http.request(`${app.url}${url}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve(
            new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), { status: res.statusCode, headers: Object.entries(res.headers).map(([k, v]): [string, string] => [k, String(v)]) }),
          ),
        );
      });
      req.on("error", reject);
      req.end();
    });

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org", TRUST_PROXY: "true" });
    adminCookie = await signInOverHttp(app, sink, "admin@example.org");
    const post = (path: string, values: Record<string, string>, cookie?: string) =>
      send(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form(values) }, cookie);
    const csrf = await csrfTokenOf(app, "/admin/people", adminCookie);
    const person = await post("/admin/people", { csrf, email: "member@example.org", role: "member" }, adminCookie);
    known["people/:publicId"] = person.headers.get("location")!.split("/").pop()!;
    await post("/contact", { name: "Pat", email: "pat@example.org", subject: "Hello there", message: "A message for the inbox." });
    await post("/join/apply", application("applicant@example.org"));
    const letter = {
      zip: "99901",
      rendered: "1",
      upperId: "ocd-person/bfdc2ee2-7760-4119-9d68-4962f1e1a285",
      lowerId: bynum,
      letter: "Please license medical graduates for collaborative practice in Alaska.",
      name: "Ann Lee",
      email: "ann@example.org",
      street: "1 Main St",
      city: "Ketchikan",
    };
    const sent = await post("/act/collaborative-practice?zip=99901", letter);
    known["sent/:publicId"] = sent.headers.get("location")!.split("/").pop()!;
    const queue = await (await send("/admin/applications", {}, adminCookie)).text();
    known["applications/:publicId"] = queue.match(/href="\/admin\/applications\/([^"/?]+)"/)![1]!;
    const inbox = await (await send("/admin/inbox", {}, adminCookie)).text();
    known["inbox/:publicId"] = inbox.match(/href="\/admin\/inbox\/([^"]+)"/)![1]!;
    const upload = new FormData();
    upload.set("csrf", await csrfTokenOf(app, "/admin/applications/import", adminCookie));
    upload.set("file", new Blob(["name,email\n"], { type: "text/csv" }), "members.csv");
    const imported = await send("/admin/applications/import", { method: "POST", body: upload }, adminCookie);
    known["import/:publicId"] = imported.headers.get("location")!.split("/").pop()!;
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const allRoutes = flatten(routes as RouteConfigEntry[]);

  it("fills every dynamic segment of every route, a route added to the table included", () => {
    const added = flatten([{ path: "reports/:year/:kind", file: "routes/x.tsx", children: [{ path: "*", file: "routes/y.tsx" }] } as RouteConfigEntry]);
    for (const r of [...allRoutes, ...added]) {
      expect(fillSegments(r.path, known), r.path).not.toMatch(/[:*]/);
      expect(withNulSegment(r.path, known), r.path).toContain("%00");
    }
    expect(allRoutes.length).toBeGreaterThan(60);
  });

  /** Runs the probes a few at a time; returns each answer's status. */
  async function run(probes: Probe[], cookie?: string, concurrency = 6): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < probes.length) {
        const probe = probes[next++]!;
        const started = performance.now();
        const res = await send(probe.url, probe.init, cookie).catch((error: Error) => ({ status: 599, headers: new Headers(), text: async () => String(error.cause ?? error) }) as unknown as Response);
        outcomes.push({ label: res.status === 599 ? `${probe.label} (${await res.text()})` : probe.label, url: probe.url, status: res.status, ms: performance.now() - started });
        if (res.status === 405 && !res.headers.get("allow")) outcomes.push({ label: `${probe.label} (405 without Allow)`, url: probe.url, status: 599 });
        await res.text();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return outcomes;
  }

  async function probesFor(r: RoutePath, cookie: string | undefined): Promise<Probe[]> {
    const url = fillSegments(r.path, known);
    const withQuery = (q: string) => `${url}${url.includes("?") ? "&" : "?"}${q}`;
    const urlencoded = { "content-type": "application/x-www-form-urlencoded" };
    const probes: Probe[] = [
      { label: "GET with %00 in the path", url: withNulSegment(r.path, known), init: {} },
      { label: "GET with %00 and huge numbers in the query", url: withQuery("q=%00&page=99999999999999999999&before=99999999999999999999&zip=%00"), init: {} },
      {
        label: "GET with huge numbers and malformed escapes in the query",
        url: withQuery(
          "page=99999999999999999999&before=99999999999999999999&from=99999999999999999999&to=99999999999999999999&since_min=999&since_max=999&year=99999999999999999999&zip=99999999999999999999&q=%E0%A4%A&next=%",
        ),
        init: {},
      },
      { label: "GET with a malformed session cookie", url, init: { headers: { cookie: `amg_session=%${cookie ? `; ${cookie}` : ""}` } } },
      { label: "POST with no body", url, init: { method: "POST" } },
      { label: "POST an empty form", url, init: { method: "POST", headers: urlencoded, body: "" } },
      { label: "POST JSON", url, init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x", email: "x@example.org" }) } },
      { label: "POST text", url, init: { method: "POST", headers: { "content-type": "text/plain" }, body: "name=x" } },
      { label: "POST XML", url, init: { method: "POST", headers: { "content-type": "application/xml" }, body: '<?xml version="1.0"?><form><name>x</name></form>' } },
      { label: "POST broken multipart", url, init: { method: "POST", headers: { "content-type": "multipart/form-data; boundary=fuzzboundary" }, body: brokenMultipart } },
      { label: "POST multipart cut off inside a file", url, init: { method: "POST", headers: { "content-type": "multipart/form-data; boundary=fuzzboundary" }, body: cutOffUpload } },
      { label: "POST multipart without a boundary", url, init: { method: "POST", headers: { "content-type": "multipart/form-data" }, body: "x" } },
      { label: "POST a form with NUL bytes", url, init: { method: "POST", headers: urlencoded, body: "name=a%00b&email=a%00%40example.org&message=%00&q=%00" } },
      { label: "POST a form over the body limit", url, init: { method: "POST", headers: urlencoded, body: `message=${"x".repeat(300_000)}` } },
      ...["TRACE", "PUT", "PATCH", "DELETE", "OPTIONS"].map((method) => ({ label: method, url, init: { method } })),
    ];
    const page = await send(url, {}, cookie);
    const body = await page.text();
    const html = page.headers.get("content-type")?.includes("text/html") ? body : "";
    for (const [f, fields] of postFormsOf(html, url).entries()) {
      for (const [v, values] of hostileForms(fields).entries()) {
        probes.push({ label: `POST the page's form ${f + 1}, variant ${v + 1}`, url, init: { method: "POST", headers: urlencoded, body: form(values) } });
        const multipart = new FormData();
        for (const [name, value] of values) multipart.append(name, value);
        if (v === 0) probes.push({ label: `POST the page's form ${f + 1} as multipart`, url, init: { method: "POST", body: multipart } });
      }
    }
    return probes;
  }

  it("answers other methods 405 with the methods allowed, and bodies that are not forms 415", async () => {
    const trace = await send("/contact", { method: "TRACE" });
    expect(trace.status).toBe(405);
    expect(trace.headers.get("allow")).toBe("GET, HEAD, POST");
    const json = await send("/contact", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain("We accept only forms sent from our pages here");
    const api = await send("/api/legislators", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" });
    expect(api.status).toBe(415);
    expect(await api.json()).toEqual({ error: expect.stringContaining("We accept only forms") });
  });

  it("still takes a mail client's one-click unsubscribe POST", async () => {
    const res = await fetch(`${app.url}/unsubscribe?token=${"b".repeat(32)}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(res.status).toBe(404); // an unknown token, but read as an unsubscribe
    expect(await res.text()).toContain("We could not find that subscription");
  });

  it("counts a client behind the proxy by the address the proxy added, not the one the client wrote (TRUST_PROXY=true)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${app.url}/contact`, {
        method: "POST",
        redirect: "manual",
        headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `203.0.113.${i + 1}, 192.0.2.77` },
        body: form({ name: "Pat", email: "pat@example.org", subject: "Hello there", message: "Each one from a new made-up address." }),
      });
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses.slice(0, 5).every((s) => s === 302)).toBe(true);
    expect(statuses[5]).toBe(429);
  });

  /** Sends only the request head (the body it announces never comes) and returns the status line the server answers with. */
  function headOnly(path: string, headers: Record<string, string>): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(app.port, "127.0.0.1");
      const timer = setTimeout(() => {
        socket.destroy();
        resolve("no answer within 5 s");
      }, 5_000);
      socket.on("error", reject);
      let answer = "";
      socket.on("data", (chunk) => {
        answer += chunk;
        if (answer.includes("\r\n")) {
          clearTimeout(timer);
          socket.destroy();
          resolve(answer.split("\r\n")[0]!);
        }
      });
      const lines = Object.entries({ host: `localhost:${app.port}`, origin: app.url, ...headers }).map(([k, v]) => `${k}: ${v}`);
      socket.write(`POST ${path} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`);
    });
  }

  it("refuses a 300 MB form at once, on its Content-Length, without waiting for the body", async () => {
    expect(await headOnly("/contact", { "content-type": "application/x-www-form-urlencoded", "content-length": String(300 * 1024 * 1024) })).toBe("HTTP/1.1 413 Payload Too Large");
  });

  it("refuses a chunked form once it passes the limit, and does not send the field back", async () => {
    // node:http, not fetch: the server may answer and close while the body is still being sent (that
    // is the point), and fetch then fails on the broken pipe instead of giving the answer it got.
    const res = await new Promise<{ status: number; html: string }>((resolve, reject) => {
      const req = http.request(`${app.url}/contact`, { method: "POST", headers: { origin: app.url, "x-forwarded-for": nextIp(), "content-type": "application/x-www-form-urlencoded" } }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (c: Buffer) => chunks.push(c));
        answer.on("end", () => resolve({ status: answer.statusCode!, html: Buffer.concat(chunks).toString("utf8") }));
      });
      req.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
      });
      req.setTimeout(15_000, () => reject(new Error("no answer to the chunked form within 15 s")));
      let i = 0;
      const writeMore = () => {
        // 6 × 64 KB: past the 256 KB limit, yet small enough for the sockets' buffers, so the answer
        // always arrives before the server closes (with megabytes the client could hit a broken pipe first and hang).
        while (i < 6 && !req.destroyed) {
          const chunk = i === 0 ? `message=${"x".repeat(64 * 1024)}` : "x".repeat(64 * 1024);
          i++;
          if (!req.write(chunk)) return void req.once("drain", writeMore);
        }
        if (!req.destroyed) req.end();
      };
      writeMore();
    });
    expect(res.status).toBe(413);
    const html = res.html;
    expect(html).toContain("much longer than any of our forms accepts");
    expect(html.length).toBeLessThan(5_000);
  });

  it("answers an upload to the console without a session before reading its body", async () => {
    const answer = await headOnly("/admin/applications/import", { "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024) });
    expect(answer).toBe("HTTP/1.1 302 Found");
  });

  it("answers a member import over the size limit with a clear message, reading the upload as it streams", async () => {
    const csrf = await csrfTokenOf(app, "/admin/applications/import", adminCookie);
    const upload = new FormData();
    upload.set("csrf", csrf);
    upload.set("file", new Blob(["name,email\n", "x".repeat(50 * 1024 * 1024)], { type: "text/csv" }), "big.csv");
    const res = await send("/admin/applications/import", { method: "POST", body: upload }, adminCookie);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("This file is larger than 50 MB");
  }, 30_000);

  // Last, because signing out ends the session the other tests use: within the pass it goes last too.
  const inOrder = [...allRoutes.filter((r) => r.path !== "sign-out"), ...allRoutes.filter((r) => r.path === "sign-out")];

  for (const who of ["anonymous", "a signed-in admin"] as const) {
    it(`answers no 5xx to any of it, ${who}`, async () => {
      const cookie = who === "anonymous" ? undefined : adminCookie;
      const outcomes: Outcome[] = [];
      for (let i = 0; i < inOrder.length; i += 8) {
        const batch = await Promise.all(inOrder.slice(i, i + 8).map((r) => probesFor(r, cookie)));
        outcomes.push(...(await run(batch.flat(), cookie)));
      }
      if (process.env.FUZZ_TIMES) {
        const byUrl = new Map<string, number>();
        for (const o of outcomes) byUrl.set(o.url.split("?")[0]!, (byUrl.get(o.url.split("?")[0]!) ?? 0) + (o.ms ?? 0));
        console.log(
          [...byUrl]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 15)
            .map(([u, ms]) => `${Math.round(ms)} ms ${u}`)
            .join("\n"),
          outcomes.length,
        );
      }
      const failures = outcomes.filter((o) => o.status >= 500).map((o) => `${o.status} ${o.label}: ${o.url.slice(0, 120)}`);
      expect(failures).toEqual([]);
      if (who === "a signed-in admin") {
        // The forms really reach the actions (their CSRF token passes): most are answered by the action itself.
        const posted = outcomes.filter((o) => o.label.startsWith("POST the page's form"));
        if (process.env.FUZZ_TIMES) console.log(posted.map((o) => `${o.status} ${o.label} ${o.url}`).join("\n"));
        expect(posted.length).toBeGreaterThan(40);
        expect(posted.filter((o) => o.status === 400 || o.status === 302 || o.status === 200).length).toBeGreaterThan(posted.length / 2);
      }
      expect(app.output()).not.toMatch(/invalid byte sequence|out of range for type integer|URIError/);
    }, 120_000);
  }
});
