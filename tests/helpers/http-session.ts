// Signing in over HTTP as a browser would (form POST → e-mail → code), for server tests.
import type { AppServer } from "./app-server";
import { parseHtml } from "./html-page";
import type { SmtpSink } from "./smtp-sink";

/** A urlencoded body; a list of pairs may repeat a name (checkboxes). */
export const form = (values: Record<string, string> | [string, string][]) => new URLSearchParams(values).toString();

export async function post(app: AppServer, path: string, values: Record<string, string> | [string, string][], cookie?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}), ...headers },
    body: form(values),
  });
}

/**
 * The signed time stamp (hidden `rendered` field) of a public form's page, once it is old enough
 * for the "filled in too fast" check: a person's pace. `fresh` skips the page cache (a bogus
 * session cookie), for a stamp made now.
 */
export async function formStampOf(app: AppServer, path: string, { fresh = false, waitUntilAccepted = true } = {}): Promise<string> {
  const html = await (await fetch(`${app.url}${path}`, fresh ? { headers: { cookie: "amg_session=none" } } : {})).text();
  const stamp = parseHtml(html).root.querySelector('input[name="rendered"]')?.getAttribute("value");
  if (!stamp) throw new Error(`no form stamp on ${path}`);
  const renderedAt = Number(stamp.split(".")[0]);
  while (waitUntilAccepted && Date.now() - renderedAt < 2100) await new Promise((r) => setTimeout(r, 50));
  return stamp;
}

const cookieFrom = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0];

/** Signs `email` in and returns the Cookie header of the new session. */
export async function signInOverHttp(app: AppServer, sink: SmtpSink, email: string): Promise<string> {
  const before = sink.messages.length;
  const asked = await post(app, "/sign-in", { email, next: "/account" });
  const nonce = cookieFrom(asked, "amg_signin");
  if (asked.status !== 302 || !nonce) throw new Error(`sign-in request failed: ${asked.status}`);
  // The sign-in mail itself, not another mail to the same person still on its way (an approval, say).
  const mail = await sink.waitFor((m) => sink.messages.indexOf(m) >= before && m.to.includes(email) && m.text.includes("code on the sign-in page"));
  const code = mail.text
    .match(/code on the sign-in page: (\d{3}) (\d{3})/)
    ?.slice(1)
    .join("");
  if (!code) throw new Error(`no code in: ${mail.text}`);
  const done = await post(app, "/sign-in/check", { code, next: "/account" }, nonce);
  const session = cookieFrom(done, "amg_session");
  if (done.status !== 302 || !session) throw new Error(`code not accepted: ${done.status}`);
  return session;
}

export async function csrfTokenOf(app: AppServer, path: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${app.url}${path}`, { headers: { cookie } })).text();
  const token = parseHtml(html).root.querySelector('input[name="csrf"]')?.getAttribute("value");
  if (!token) throw new Error(`no CSRF token on ${path}`);
  return token;
}

/** A complete, eligible membership application as the form posts it. */
export function application(email: string, changes: Record<string, string> = {}): Record<string, string> {
  return {
    name: "Dr. Ana Reyes",
    email,
    zip: "13202",
    citizenship: "us-citizen",
    degree: "MD",
    schoolName: "SUNY Upstate Medical University",
    schoolCountry: "United States",
    graduationYear: "2019",
    step1: "passed",
    step1Date: "2016-06-01",
    step2ck: "passed",
    step2ckDate: "2017-08-15",
    step3: "not-taken",
    level1: "not-taken",
    level2ce: "not-taken",
    level3: "not-taken",
    ecfmgCertified: "no",
    trainingStatus: "never-started",
    specialties: "Family medicine, Pediatrics",
    workStates: "ny, PA",
    primaryCareUnderserved: "yes",
    consentStatistics: "on",
    ...changes,
  };
}
