// A real SMTP server inside the test process: the app delivers to it over SMTP, tests read
// what arrived (parsed by mailparser) and wait for a message by condition, never by sleeping.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import type { ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail["headers"];
  /** A header's value exactly as sent (unfolded), e.g. header("List-Unsubscribe-Post"). */
  header(name: string): string | undefined;
  raw: string;
};

export type SmtpSink = {
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** Makes the next `count` deliveries fail with a temporary error (to test retries). */
  failNext(count: number): void;
  /** Answers RCPT TO for this address with this SMTP error (e.g. 550 "5.1.1 user unknown") every time. */
  rejectRecipient(address: string, responseCode: number, message: string): void;
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
};

/**
 * `light`: only the envelope and the top-level headers are read (no MIME parsing), for tests that
 * receive thousands of messages; text and html are then empty.
 */
export async function startSmtpSink(options: { light?: boolean } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters: { predicate: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];
  let failures = 0;
  const rejected = new Map<string, { responseCode: number; message: string }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const rejection = rejected.get(address.address.toLowerCase());
      if (rejection) return callback(Object.assign(new Error(rejection.message), { responseCode: rejection.responseCode }));
      if (failures > 0) {
        failures--;
        const error = new Error("Mailbox temporarily unavailable") as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("error", () => {});
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        if (options.light) {
          const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
          const header = (name: string) => head.match(new RegExp(`^${name}:[ \t]*(.*)$`, "im"))?.[1].trim();
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: header("Subject") ?? "",
            text: "",
            html: "",
            headers: new Map(),
            header,
            raw,
          };
          messages.push(mail);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(mail)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(mail);
            }
          }
          return callback();
        }
        const parsed = await simpleParser(raw);
        const mail: ReceivedMail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          headers: parsed.headers,
          header(name) {
            const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
            return line
              ?.slice(line.indexOf(":") + 1)
              .replace(/\r?\n\s+/g, " ")
              .trim();
          },
          raw,
        };
        messages.push(mail);
        for (const waiter of [...waiters]) {
          if (waiter.predicate(mail)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  // A client that dies mid-conversation (a worker killed with SIGKILL) resets its connection: that is
  // the client's failure, which the test then checks, not the sink's.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?starttls=off`,
    port,
    messages,
    failNext(count) {
      failures = count;
    },
    rejectRecipient(address, responseCode, message) {
      rejected.set(address.toLowerCase(), { responseCode, message });
    },
    waitFor(predicate, timeoutMs = 15_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching mail within ${timeoutMs} ms (received: ${messages.map((m) => m.subject).join(" | ")})`)), timeoutMs);
        waiters.push({
          predicate,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that starts with `prefix`. */
export function findLink(mail: ReceivedMail, prefix: string): string {
  const match = mail.text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\S+`));
  if (!match) throw new Error(`no link starting with ${prefix} in: ${mail.text}`);
  return match[0];
}
