// A newcomer's first run, as the README tells it: no SMTP server, the first admin from
// ADMIN_EMAIL, the sign-in link and code read from the server log, `outbox:show` once the server
// is stopped; and the mistakes a first run makes (a port in use, a bad HOST) answered in a sentence.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { post } from "~/tests/helpers/http-session";

const run = promisify(execFile);
const admin = "first-admin@example.org";

/** Runs the built server with this environment until it exits; its exit code and what it printed. */
function runServerUntilExit(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["build/server/index.js"], { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_LEVEL: "warn", ...env } });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("a first run without SMTP, as the README says", () => {
  let app: AppServer;
  const scratch = mkdtempSync(path.join(tmpdir(), "amg-first-run-"));
  beforeAll(async () => {
    app = await startAppServer({ ADMIN_EMAIL: admin }, { keepData: true, fresh: true }); // a real first start, from an empty folder
  });
  afterAll(async () => {
    await app?.stop();
    if (app) rmSync(app.dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it("says in one sentence that a port is in use, exits non-zero and leaves no lock behind", async () => {
    const dataDir = path.join(scratch, "second");
    const { code, out } = await runServerUntilExit({ PORT: String(app.port), DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(out).toContain(`Could not start: port ${app.port} is already in use`);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(path.join(dataDir, "amg.lock"))).toBe(false);
  });

  it("says so when the link is for another name of the site than the one the person asked on", async () => {
    const onIp = app.url.replace("localhost", "127.0.0.1");
    const asked = await fetch(`${onIp}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: onIp, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: admin, next: "/admin" }),
    });
    expect(asked.status).toBe(302);
    const check = await (await fetch(`${onIp}${asked.headers.get("location")}`)).text();
    expect(check).toContain(`You are on 127.0.0.1:${app.port}, but the e-mailed link opens localhost:${app.port}`);
    let link: string | undefined;
    await expect.poll(() => (link = app.output().match(/"(http:\/\/localhost:\d+\/sign-in\/verify\?token=[^"]+&from=127\.0\.0\.1[^"]*)"/)?.[1])).toBeDefined();
    const opened = await (await fetch(link!)).text(); // in the browser that browsed localhost: no sign-in cookie
    expect(opened).toContain(`You asked to sign in on 127.0.0.1:${app.port}, but this link is for localhost:${app.port}`);
  });

  it("prints the sign-in link and code to the log, and the link signs the admin into the console", async () => {
    const asked = await post(app, "/sign-in", { email: admin, next: "/admin" });
    expect(asked.status).toBe(302);
    const nonce = asked.headers
      .getSetCookie()
      .find((c) => c.startsWith("amg_signin="))!
      .split(";")[0];
    let logged: { id: number; links: string[]; code: string } | undefined;
    await expect
      .poll(() => {
        const line = app
          .output()
          .split("\n")
          .find((l) => l.includes("mail kept in outbox") && l.includes(admin) && l.includes('"code"') && !l.includes("&from="));
        logged = line ? JSON.parse(line) : undefined;
        return logged;
      })
      .toBeDefined();
    expect(logged!.code).toMatch(/^\d{3} \d{3}$/);
    const link = logged!.links.find((l) => l.includes("/sign-in/verify?token="))!;
    expect(link.startsWith(app.url)).toBe(true);
    const opened = await fetch(link, { redirect: "manual", headers: { cookie: nonce } });
    expect(opened.status).toBe(302);
    const session = opened.headers
      .getSetCookie()
      .find((c) => c.startsWith("amg_session="))!
      .split(";")[0];
    const console = await fetch(`${app.url}/admin`, { headers: { cookie: session } });
    expect(console.status).toBe(200);

    await app.stop(); // PGlite belongs to one process: the command line reads the folder once the server is stopped
    const shown = await run(process.execPath, ["--import", "tsx", "cli/amg.ts", "outbox:show", String(logged!.id)], { env: { PATH: process.env.PATH ?? "", DATA_DIR: app.dataDir } });
    expect(shown.stdout).toContain(`To: ${admin}`);
    expect(shown.stdout).toContain(`Or type this code on the sign-in page: ${logged!.code}`);
  });

  it("says in one sentence that HOST is not an address of this machine", async () => {
    const { code, out } = await runServerUntilExit({ PORT: "0", HOST: "192.0.2.1", DATA_DIR: path.join(scratch, "third") });
    expect(code).toBe(1);
    expect(out).toContain("HOST=192.0.2.1 is not an address of this machine");
    expect(out).not.toMatch(/\n\s+at /);
  });

  it("does not rebuild when npm install only touched package-lock.json", async () => {
    // @ts-expect-error: a plain .mjs script without types
    const { sourcesFingerprint } = await import("~/scripts/sources-fingerprint.mjs");
    const before = sourcesFingerprint();
    const now = new Date();
    utimesSync("package-lock.json", now, now);
    expect(sourcesFingerprint()).toBe(before);
  });
});
