// The bench's child processes (bench/newsletter.ts): the SMTP sink that accepts and discards, the
// bare nodemailer loop (the baseline) and the newsletter worker. Each prints one JSON line.
// Usage: node --import tsx bench/newsletter-processes.ts sink | baseline <n> <port> | worker <newsletterId> <port>
import { readFileSync } from "node:fs";
import { SMTPServer } from "smtp-server";
import { openDatabase } from "~/db/client.server";
import { runNewsletterSend } from "~/domains/email/newsletters/send-engine.server";
import { createLogger } from "~/platform/logger";
import { createMailTransport } from "~/platform/mail-transport.server";

const [role, a, b] = process.argv.slice(2);
const pool = Number(process.env.POOL ?? 5);
const print = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

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
    print({ received });
    process.exit(0);
  });
} else if (role === "baseline") {
  // The same pre-rendered message, the same pool size, a bare loop with `pool` messages in flight.
  const n = Number(a);
  const message = JSON.parse(readFileSync(process.env.MESSAGE_FILE!, "utf8")) as { subject: string; text: string; html: string };
  const transport = createMailTransport(`smtp://127.0.0.1:${b}?starttls=off`, { maxConnections: pool, bulk: true })!;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: pool }, async () => {
      while (next < n) {
        const i = next++;
        await transport.deliver({ from: "AMG <news@amg.test>", to: `subscriber${i}@synthetic.example`, ...message });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  print({ seconds, perSecond: n / seconds, peakMb: peakMb() });
  process.exit(0);
} else if (role === "worker") {
  const handle = await openDatabase({ kind: "postgres", connectionString: process.env.DATABASE_URL!, poolSize: pool + 4 });
  const transport = createMailTransport(`smtp://127.0.0.1:${b}?starttls=off`, { maxConnections: pool, bulk: true })!;
  const started = performance.now();
  const outcome = await runNewsletterSend(
    {
      db: handle.db,
      transport,
      log: createLogger("warn"),
      appUrl: "https://amg.example.org",
      from: "AMG <news@amg.test>",
      unsubscribeMailbox: "office@amg.example.org",
      secretKey: Buffer.alloc(32, 7),
      lanes: Number(process.env.LANES ?? pool * 2),
      batchSize: Number(process.env.BATCH ?? 50),
      deadlineMs: 3_600_000,
    },
    Number(a),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  await handle.close();
  print({ outcome, seconds, peakMb: peakMb() });
  process.exit(0);
}
