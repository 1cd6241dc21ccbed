// The bench's child processes (bench/newsletter.ts): the SMTP sink that accepts and discards, the
// bare nodemailer loops (the baselines), the newsletter worker on PostgreSQL, and the whole send on
// PGlite (its database lives in the process that sends). Each prints one JSON line.
// Usage: node --import tsx bench/newsletter-processes.ts sink | baseline <n> <port> (MODE=compose|raw)
//        | worker <newsletterId> <port> | pglite <n> <port>
import { readFileSync } from "node:fs";
import { SMTPServer } from "smtp-server";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import type { Executor } from "~/db/client.server";
import { compileNewsletterMessage, personalise, unsubscribeMarker } from "~/domains/email/newsletters/render.server";
import { runNewsletterSend } from "~/domains/email/newsletters/send-engine.server";
import { createLogger } from "~/platform/logger";
import { createMailTransport } from "~/platform/mail-transport.server";
import type { MailTransport } from "~/platform/mail-transport.server";
import { benchAppUrl, benchFrom, benchMailbox, benchSecretKey, prepareNewsletterBench } from "./newsletter-prepare";
import type { BenchMessage } from "./newsletter-prepare";

const [role, a, b] = process.argv.slice(2);
const pool = Number(process.env.POOL ?? 5);
const print = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const transportTo = (port: string) => createMailTransport(`smtp://127.0.0.1:${port}?starttls=off`, { maxConnections: pool, bulk: true }) as MailTransport;

/** The engine on one newsletter until it is sent: seconds, CPU seconds and the outcome. */
async function send(db: Executor, transport: MailTransport, newsletterId: number) {
  const started = performance.now();
  const cpu = cpuSeconds();
  const startMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const outcome = await runNewsletterSend(
    {
      db,
      transport,
      log: createLogger("warn"),
      appUrl: benchAppUrl,
      from: benchFrom,
      unsubscribeMailbox: benchMailbox,
      secretKey: benchSecretKey,
      lanes: Number(process.env.LANES ?? pool * 2),
      batchSize: Number(process.env.BATCH ?? 50),
      deadlineMs: 3_600_000,
    },
    newsletterId,
  );
  return { outcome, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds() - cpu, startMb };
}

if (role === "sink") {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1", () => print({ port: (server.server.address() as { port: number }).port }));
  process.on("SIGTERM", () => {
    print({ received, cpuSeconds: cpuSeconds() });
    process.exit(0);
  });
} else if (role === "baseline") {
  // The same message as the engine's (its headers and body, a link per copy), the same pool size, a
  // bare loop with `pool` messages in flight and no database. "compose": nodemailer composes each
  // message, as any sender does; "raw": the MIME message composed once, as the engine sends it.
  const n = Number(a);
  const { subject, rendered } = JSON.parse(readFileSync(process.env.MESSAGE_FILE!, "utf8")) as BenchMessage;
  const transport = transportTo(b);
  const url = `${benchAppUrl}/email/unsubscribe/${"x".repeat(120)}`;
  const headers = (link: string) => ({
    "List-Unsubscribe": `<${link}>, <mailto:${benchMailbox}?subject=Unsubscribe>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    "List-Id": "<newsletter.amg.example.org>",
    Precedence: "bulk",
    "X-AMG-Newsletter": "1",
  });
  const composed = personalise(rendered, url);
  const template = await compileNewsletterMessage(rendered, { from: benchFrom, subject, headers: headers(unsubscribeMarker) });
  let next = 0;
  const started = performance.now();
  const cpu = cpuSeconds();
  await Promise.all(
    Array.from({ length: pool }, async () => {
      while (next < n) {
        const i = next++;
        const to = `subscriber${i}@synthetic.example`;
        const messageId = `<baseline.${i}@amg.example.org>`;
        if (process.env.MODE === "raw") await transport.deliverRaw({ from: benchFrom, to, raw: template.copy({ to, messageId, unsubscribeUrl: url })! });
        else await transport.deliver({ from: benchFrom, to, subject, ...composed, messageId, headers: headers(url) });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  print({ seconds, perSecond: n / seconds, peakMb: peakMb(), cpuSeconds: cpuSeconds() - cpu });
  process.exit(0);
} else if (role === "worker") {
  const handle = await openDatabase({ kind: "postgres", connectionString: process.env.DATABASE_URL!, poolSize: pool + 4 });
  const transport = transportTo(b);
  const result = await send(handle.db, transport, Number(a));
  transport.close();
  await handle.close();
  print({ ...result, peakMb: peakMb() });
  process.exit(0);
} else if (role === "pglite") {
  const n = Number(a);
  const handle = await openDatabase({ kind: "pglite" });
  await migrateDatabase(handle);
  const t0 = performance.now();
  const { id } = await prepareNewsletterBench(handle, n);
  const prepareSeconds = (performance.now() - t0) / 1000;
  const transport = transportTo(b);
  const result = await send(handle.db, transport, id);
  const sent = ((await handle.db.execute(`select count(*)::int as n from newsletter_recipients where state = 'sent'` as never)) as unknown as { rows: { n: number }[] }).rows[0].n;
  transport.close();
  await handle.close();
  print({ ...result, sent, prepareSeconds, peakMb: peakMb() });
  process.exit(0);
}
