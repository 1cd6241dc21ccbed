// A message composed once and filled per copy reads exactly like the same message composed on
// its own by nodemailer: same headers, same text, same HTML, each copy with its own values.
import { simpleParser } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { compileMailTemplate } from "./mail-template.server";

const slot = "%%link%%";
const longLine = `Ünïcode and a line longer than seventy-six characters, ${"so that it must be wrapped ".repeat(6)}= and an equals sign.`;
const mail = {
  from: "Alliance of Médical Graduates <news@amg.test>",
  subject: "News — this month ✓",
  text: `Hello,\n\n${longLine}\n\nUnsubscribe: ${slot}\nAgain: ${slot} \n`,
  html: `<p>${longLine}</p><p><a href="${slot}">Unsubscribe</a> <a href="${slot}">again</a></p>\n`,
  headers: { "List-Unsubscribe": `<${slot}>, <mailto:office@amg.test?subject=Unsubscribe>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", Precedence: "bulk" },
};
const link = (n: number) => `https://amg.test/email/unsubscribe/${"x".repeat(150)}${n}.sig-${n}?a=1&b=2`;

describe("mail template", () => {
  it("fills each copy with its own recipient, Message-ID, Date and link, as nodemailer would compose it", async () => {
    const template = await compileMailTemplate(mail, slot);
    for (const n of [1, 2]) {
      const url = link(n);
      const date = new Date(Date.UTC(2026, 0, n, 12));
      const raw = template.fill({ to: `person${n}@example.org`, messageId: `<newsletter-1.${n}@amg.test>`, date, slot: { header: url, text: url, html: url.replace(/&/g, "&amp;") } })!;
      const got = await simpleParser(raw);
      const direct = await new MailComposer({
        from: mail.from,
        to: `person${n}@example.org`,
        subject: mail.subject,
        messageId: `<newsletter-1.${n}@amg.test>`,
        date,
        headers: { ...mail.headers, "List-Unsubscribe": `<${url}>, <mailto:office@amg.test?subject=Unsubscribe>` },
        text: mail.text.split(slot).join(url),
        html: mail.html.split(slot).join(url.replace(/&/g, "&amp;")),
      })
        .compile()
        .build();
      const expected = await simpleParser(direct);
      expect(got.text).toBe(expected.text);
      expect(got.html).toBe(expected.html);
      expect(got.subject).toBe(mail.subject);
      expect(got.messageId).toBe(`<newsletter-1.${n}@amg.test>`);
      expect(got.date?.toISOString()).toBe(date.toISOString());
      expect(got.to).toEqual(expected.to);
      expect(got.from).toEqual(expected.from);
      for (const name of ["list-unsubscribe", "list-unsubscribe-post", "precedence", "mime-version"]) expect(got.headers.get(name)).toEqual(expected.headers.get(name));
      expect(got.text).toContain(`Unsubscribe: ${url}\nAgain: ${url} \n`);
      // 7-bit lines of at most 78 characters in the body (quoted-printable), CRLF only.
      const body = raw.toString("latin1").split("\r\n\r\n").slice(1).join("\r\n\r\n");
      expect(body.split("\r\n").every((line) => line.length <= 78 && !/[\r\n\x80-\xff]/.test(line))).toBe(true);
    }
  });

  it("gives no copy for an address that is not plain ASCII (that one is composed on its own)", async () => {
    const template = await compileMailTemplate(mail, slot);
    expect(template.fill({ to: "jürgen@example.org", messageId: "<a@b>", slot: { header: "x", text: "x", html: "x" } })).toBeNull();
    expect(template.fill({ to: "a@example.org\r\nBcc: x@y", messageId: "<a@b>", slot: { header: "x", text: "x", html: "x" } })).toBeNull();
  });
});
