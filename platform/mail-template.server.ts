// One message for many recipients, composed once: nodemailer builds the MIME message (headers,
// encoded words, multipart/alternative) a single time with stand-ins, and each copy only fills in
// its recipient, Message-ID, Date and one link (in a header and in both parts). Composing the MIME
// tree costs about 2 ms of CPU per message; filling the template costs a few microseconds, so a
// bulk send spends its CPU on the SMTP conversation instead (bench/newsletter.ts).
// The parts are quoted-printable; each stand-in in a body stands on a line of its own between soft
// line breaks ("=\r\n"), so a value of any length is encoded on its own and the part stays valid.
import { randomBytes } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { encode as qpEncode, wrap as qpWrap } from "nodemailer/lib/qp";

export type TemplateMail = {
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers; `slot` in a value is replaced by the copy's header value. */
  headers: Record<string, string>;
};

export type TemplateCopy = {
  to: string;
  messageId: string;
  /** What replaces `slot` in the headers, in the text part and in the HTML part. */
  slot: { header: string; text: string; html: string };
  date?: Date;
};

export type MailTemplate = {
  /** The MIME message for one recipient, or null when a value cannot go in as is (then compose it normally). */
  fill(copy: TemplateCopy): Buffer | null;
};

/** Header-safe: printable ASCII without line breaks (addresses and our own ids and links). */
const plainHeaderValue = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

const qpPart = (value: string) => qpWrap(qpEncode(value.replace(/\r?\n/g, "\r\n")), 76);

const build = (composer: MailComposer) => new Promise<Buffer>((resolve, reject) => composer.compile().build((error, message) => (error ? reject(error) : resolve(message))));

/** Compiles `mail` once; `slot` is the marker its text, HTML and header values carry for each copy's own value. */
export async function compileMailTemplate(mail: TemplateMail, slot: string): Promise<MailTemplate> {
  const tag = randomBytes(8).toString("hex");
  const stand = { to: `amgto${tag}@template.invalid`, messageId: `<amgid${tag}@template.invalid>`, date: `amgdate${tag}`, header: `AMGHEAD${tag}`, text: `AMGTEXT${tag}`, html: `AMGHTML${tag}` };
  // Each part: its segments encoded on their own, the stand-in between two soft line breaks.
  const part = (contentType: string, content: string, standIn: string) =>
    `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${content.split(slot).map(qpPart).join(`=\r\n${standIn}=\r\n`)}`;
  const headers = Object.fromEntries(Object.entries(mail.headers).map(([k, v]) => [k, v.split(slot).join(stand.header)]));
  const message = (
    await build(
      new MailComposer({
        from: mail.from,
        to: stand.to,
        subject: mail.subject,
        messageId: stand.messageId,
        date: stand.date as unknown as Date, // a string is written as is: the copy's own Date goes there
        headers,
        text: { raw: part("text/plain", mail.text, stand.text) },
        html: { raw: part("text/html", mail.html, stand.html) },
      }),
    )
  ).toString("latin1"); // 7-bit by now (encoded words and quoted-printable): one byte per character
  // The template: fixed pieces between the stand-ins, in order.
  const kinds = { [stand.to]: "to", [stand.messageId]: "messageId", [stand.date]: "date", [stand.header]: "header", [stand.text]: "text", [stand.html]: "html" } as const;
  const pattern = new RegExp(
    Object.keys(kinds)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\<>]/g, "\\$&"))
      .join("|"),
    "g",
  );
  const fixed: Buffer[] = [];
  const holes: (typeof kinds)[keyof typeof kinds][] = [];
  let at = 0;
  for (const m of message.matchAll(pattern)) {
    fixed.push(Buffer.from(message.slice(at, m.index), "latin1"));
    holes.push(kinds[m[0]]);
    at = m.index + m[0].length;
  }
  fixed.push(Buffer.from(message.slice(at), "latin1"));
  if (!holes.includes("to") || !holes.includes("messageId") || !holes.includes("date")) throw new Error("the mail template lost a stand-in");

  return {
    fill(copy) {
      if (!plainHeaderValue.test(copy.to) || !plainHeaderValue.test(copy.messageId) || !plainHeaderValue.test(copy.slot.header)) return null;
      const date = (copy.date ?? new Date()).toUTCString().replace(/GMT/, "+0000");
      const values = { to: copy.to, messageId: copy.messageId, date, header: copy.slot.header, text: qpPart(copy.slot.text), html: qpPart(copy.slot.html) };
      const pieces: Buffer[] = [fixed[0]];
      for (let i = 0; i < holes.length; i++) pieces.push(Buffer.from(values[holes[i]], "latin1"), fixed[i + 1]);
      return Buffer.concat(pieces);
    },
  };
}
