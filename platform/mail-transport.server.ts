// The one way mail leaves the platform. SMTP_URL set → nodemailer with a connection pool.
// Not set → nothing leaves: the message stays in the outbox (staff read it there) and one
// line is logged. Tests point SMTP_URL at an in-process SMTP server.
import nodemailer from "nodemailer";

export type OutgoingMail = {
  from: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  /** A Message-ID of our own (bulk mail: stable per recipient row); otherwise nodemailer makes one. */
  messageId?: string;
};

export type MailTransport = {
  /** Delivers the message; resolves with the SMTP Message-ID. */
  deliver(mail: OutgoingMail): Promise<{ messageId: string; response: string }>;
  /** Delivers a message composed beforehand (platform/mail-template.server.ts) to one address. */
  deliverRaw(mail: { from: string; to: string; raw: Buffer }): Promise<{ response: string }>;
  close(): void;
};

/**
 * `maxConnections`: the pool's size. Newsletters get a transport (and pool) of their own, so a
 * bulk send never holds the connections that sign-in links and receipts go out on. A failure
 * throws nodemailer's error as is: `responseCode` (421, 450, 550…), `response`, `code` (ECONNECTION…).
 */
export function createMailTransport(smtpUrl: string | undefined, options: { maxConnections?: number; bulk?: boolean } = {}): MailTransport | null {
  if (!smtpUrl) return null;
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 3,
    // A bulk pool keeps its connections for the whole send; short timeouts so a dead server pauses the send quickly.
    ...(options.bulk ? { maxMessages: Number.POSITIVE_INFINITY, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } : {}),
    host: url.hostname,
    port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A local relay (or the test sink) commonly has no certificate: opt out with ?tls=insecure.
    tls: url.searchParams.get("tls") === "insecure" ? { rejectUnauthorized: false } : undefined,
    ignoreTLS: url.searchParams.get("starttls") === "off",
  });
  return {
    async deliver(mail) {
      const info = await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        headers: mail.headers,
        messageId: mail.messageId,
      });
      return { messageId: info.messageId, response: info.response };
    },
    async deliverRaw(mail) {
      // The envelope's sender: the address inside "Name <address>".
      const from = mail.from.match(/<([^<>]+)>\s*$/)?.[1] ?? mail.from;
      const info = await transporter.sendMail({ envelope: { from, to: [mail.to] }, raw: mail.raw });
      return { response: info.response };
    },
    close: () => transporter.close(),
  };
}
