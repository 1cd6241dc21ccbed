// `npm run amg -- <command>`: the operators' command line. Each command opens the configured
// database (PGlite in DATA_DIR, or DATABASE_URL); in embedded mode it refuses to open the
// folder while the server runs, and says so. Later features add their commands to `commands`.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { desc, eq } from "drizzle-orm";
import type { DatabaseHandle } from "~/db/client.server";
import { DataDirBusyError } from "~/db/data-dir-lock";
import { outboxMessages } from "~/db/schema/index";
import { ensurePersonWithRole } from "~/domains/accounts/people.server";
import { loadReferenceData, shippedReferenceFiles } from "~/domains/advocacy/legislators/load-reference-data.server";
import { ReferenceFileError } from "~/domains/advocacy/legislators/reference-files";
import { beginMemberImport, cancelMemberImport, checkMemberImport, createMemberImport, findMemberImport, runMemberImport } from "~/domains/membership/import-members.server";
import { seedSyntheticMembers } from "~/domains/membership/synthetic-members.server";
import { prepareRound } from "~/domains/mentorship/run-round.server";
import { seedSyntheticMentorship } from "~/domains/mentorship/synthetic-mentorship.server";
import { toCsv } from "~/platform/csv";
import { AppError } from "~/platform/errors";
import { emailAddressSchema } from "~/platform/text-fields";
import { getSiteSettings } from "~/domains/site/queries.server";
import { seedStarterContent } from "~/domains/site/seed-starter-content.server";
import { ConfigError, loadConfig } from "~/platform/env";
import { createLogger } from "~/platform/logger";
import { jobSpecs, openPlatformDatabase } from "~/server/platform";
import { findNewsletter, createNewsletter, startNewsletterSend } from "~/domains/email/newsletters/manage-newsletters.server";
import { newsletterInputSchema } from "~/domains/email/newsletters/newsletter.schema";
import { newsletterProgress, newsletterResults } from "~/domains/email/newsletters/newsletter-reports.server";
import { runNewsletterSend } from "~/domains/email/newsletters/send-engine.server";
import { RealDatabaseError, seedSyntheticSubscribers } from "~/domains/email/newsletters/synthetic-subscribers.server";
import { senderAddress } from "~/domains/email/queue-email.server";
import { createMailTransport } from "~/platform/mail-transport.server";
import { startQueue } from "~/platform/queue.server";
import { resolveSecretKey } from "~/platform/secret-key.server";

type Command = {
  summary: string;
  usage?: string;
  run(handle: DatabaseHandle, args: string[]): Promise<void>;
};

const commands: Record<string, Command> = {
  "admin:create": {
    summary: "Give an e-mail address the admin role, creating the account if needed.",
    usage: "admin:create <email>",
    async run(handle, args) {
      const email = emailAddressSchema.safeParse(args[0] ?? "");
      if (!email.success) throw new UsageError(`Usage: npm run amg -- admin:create you@example.org (${email.error.issues[0].message})`);
      const { created, granted } = await ensurePersonWithRole(handle.db, email.data, "admin", null);
      console.log(granted ? `${email.data} is now an admin${created ? " (new account)" : ""}. Sign in at /sign-in.` : `${email.data} was already an admin.`);
    },
  },
  "reference:reload": {
    summary: "Reload legislators and ZIP districts (congressional and state legislative) from data/ (or --dir with files of the same formats); prints what changed.",
    usage: "reference:reload [--dir DIR]",
    async run(handle, args) {
      const { values } = parseArgs({ args, options: { dir: { type: "string" } } });
      let report: Awaited<ReturnType<typeof loadReferenceData>>;
      try {
        report = await loadReferenceData(handle.db, shippedReferenceFiles(values.dir ? path.resolve(values.dir) : undefined));
      } catch (error) {
        if (error instanceof ReferenceFileError || (error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`Nothing was changed: ${(error as Error).message}`);
        throw error;
      }
      const line = (label: string, c: { added: string[]; changed: string[]; removed: string[] }) =>
        console.log(
          `${label}: ${c.added.length} added, ${c.changed.length} changed, ${c.removed.length} removed${[...c.added.map((k) => `\n  + ${k}`), ...c.changed.map((k) => `\n  ~ ${k}`), ...c.removed.map((k) => `\n  - ${k}`)].slice(0, 50).join("")}`,
        );
      line("Members of Congress", report.congressMembers);
      line("State legislators", report.stateLegislators);
      console.log(`ZIP districts: ${report.zipDistricts.added} rows added, ${report.zipDistricts.removed} removed`);
      console.log(`ZIP state legislative districts: ${report.zipStateDistricts.added} rows added, ${report.zipStateDistricts.removed} removed`);
    },
  },
  "seed:members": {
    summary: "Add N synthetic applicants/members (marked @synthetic.example) for benchmarks and demos; never use on a real database.",
    usage: "seed:members <N>",
    async run(handle, args) {
      const n = Number.parseInt(args[0] ?? "", 10);
      if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new UsageError("Usage: npm run amg -- seed:members 120000 (a whole number from 1 to 1,000,000)");
      const started = performance.now();
      await seedSyntheticMembers(handle.db, n);
      console.log(`Added ${n.toLocaleString("en-US")} synthetic members in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    },
  },
  "seed:subscribers": {
    summary: "Add N synthetic confirmed subscribers (@synthetic.example) for benchmarks and demos; refuses a database with real subscribers.",
    usage: "seed:subscribers <N>",
    async run(handle, args) {
      const n = Number.parseInt(args[0] ?? "", 10);
      if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new UsageError("Usage: npm run amg -- seed:subscribers 120000 (a whole number from 1 to 1,000,000)");
      const started = performance.now();
      try {
        await seedSyntheticSubscribers(handle.db, n);
      } catch (error) {
        if (error instanceof RealDatabaseError) throw new UsageError(error.message);
        throw error;
      }
      console.log(`Added ${n.toLocaleString("en-US")} synthetic subscribers in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    },
  },
  "newsletter:create": {
    summary: "Create a newsletter draft from a Markdown file; prints its id. Audience: subscribers, members, members:<status>, mentors, campaign:<slug>, joined by commas.",
    usage: "newsletter:create --subject S --markdown-file F --audience subscribers,members [--preheader P] [--private]",
    async run(handle, args) {
      const { values } = parseArgs({
        args,
        options: {
          subject: { type: "string" },
          "markdown-file": { type: "string" },
          audience: { type: "string", default: "subscribers" },
          preheader: { type: "string", default: "" },
          private: { type: "boolean", default: false },
        },
      });
      if (!values.subject || !values["markdown-file"]) throw new UsageError('Usage: npm run amg -- newsletter:create --subject "Spring news" --markdown-file news.md --audience subscribers,members');
      let markdown: string;
      try {
        markdown = await readFile(path.resolve(values["markdown-file"]), "utf8");
      } catch (error) {
        throw new UsageError(`Cannot read ${values["markdown-file"]}: ${(error as Error).message}`);
      }
      const parts = (values.audience ?? "subscribers").split(",").map((p) => {
        const [kind, arg] = p.trim().split(":");
        if (kind === "subscribers") return { kind };
        if (kind === "members") return { kind, filter: arg ? { statuses: arg.split("+") } : {} };
        if (kind === "mentors") return { kind };
        if (kind === "campaign") return { kind: "campaign-action", campaignSlug: arg };
        throw new UsageError(`Unknown audience "${p}": use subscribers, members, members:approved, mentors, campaign:<slug>.`);
      });
      const input = newsletterInputSchema.safeParse({ subject: values.subject, preheader: values.preheader, markdown, isPrivate: values.private, audience: { parts } });
      if (!input.success) throw new UsageError(`Nothing was created: ${input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      const { publicId } = await createNewsletter({ db: handle.db, actor: null, input: input.data });
      console.log(publicId);
    },
  },
  "newsletter:send": {
    summary: "Start sending a newsletter (the workers send it, as from the console); --work also sends from this process.",
    usage: "newsletter:send <id> [--work]",
    async run(handle, args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { work: { type: "boolean", default: false } } });
      if (positionals.length !== 1) throw new UsageError("Usage: npm run amg -- newsletter:send <id> (the id newsletter:create printed)");
      const config = loadConfig();
      const log = createLogger("warn");
      const queue = await startQueue(handle, jobSpecs, log, { supervise: false, schedule: false });
      try {
        const started = await startNewsletterSend({ db: handle.db, jobs: queue, appUrl: config.appUrl, clock: () => new Date(), actor: null, publicId: positionals[0] }).catch((error) => {
          if (error instanceof AppError) throw new UsageError(error.message);
          throw error;
        });
        console.log(`Sending to ${started.recipients.toLocaleString("en-US")} recipients (${started.skipped.toLocaleString("en-US")} suppressed or unsubscribed are skipped).`);
        if (!values.work) {
          console.log(`The workers send it. Follow it with: npm run amg -- newsletter:status ${positionals[0]}`);
          return;
        }
        const transport = createMailTransport(config.smtpUrl, { maxConnections: 5, bulk: true });
        if (!transport) throw new UsageError("--work needs SMTP_URL: nothing leaves without a mail server.");
        const row = await findNewsletter(handle.db, positionals[0]);
        const { organisation } = await getSiteSettings(handle.db);
        const secretKey = resolveSecretKey(config, log);
        const outcome = await runNewsletterSend(
          { db: handle.db, transport, log, appUrl: config.appUrl, from: senderAddress(config.mailFrom, organisation), unsubscribeMailbox: organisation.email, secretKey, deadlineMs: 24 * 3_600_000 },
          row.id,
        );
        transport.close();
        console.log(`This process stopped: ${outcome}.`);
        await printStatus(handle, positionals[0]);
      } finally {
        await queue.stop();
      }
    },
  },
  "newsletter:status": {
    summary: "Print a newsletter's progress (sent, failed, remaining, rate, time left) or its results.",
    usage: "newsletter:status <id>",
    async run(handle, args) {
      if (args.length !== 1) throw new UsageError("Usage: npm run amg -- newsletter:status <id>");
      await printStatus(handle, args[0]);
    },
  },
  "seed:mentorship": {
    summary: "Add synthetic mentors (approved, capacity 1–5) and waiting mentees (@synthetic.example); refuses a database with real members or mentors.",
    usage: "seed:mentorship --mentees N --mentors M",
    async run(handle, args) {
      const { values } = parseArgs({ args, options: { mentees: { type: "string" }, mentors: { type: "string" } } });
      const mentees = Number.parseInt(values.mentees ?? "", 10);
      const mentors = Number.parseInt(values.mentors ?? "", 10);
      if (!(mentees >= 1 && mentees <= 500_000 && mentors >= 1 && mentors <= 50_000)) throw new UsageError("Usage: npm run amg -- seed:mentorship --mentees 120000 --mentors 3000");
      const started = performance.now();
      try {
        await seedSyntheticMentorship(handle.db, { mentees, mentors, now: new Date() });
      } catch (error) {
        if (error instanceof AppError) throw new UsageError(`Nothing was added: ${error.message}`);
        throw error;
      }
      console.log(`Added ${mentors.toLocaleString("en-US")} synthetic mentors and ${mentees.toLocaleString("en-US")} waiting mentees in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    },
  },
  "mentorship:round": {
    summary: "Run a matching round; --dry-run stores nothing; --export writes every candidate pair (score, mentor's free places, chosen or not) to a CSV.",
    usage: "mentorship:round --dry-run [--export pairs.csv] [--count-first]",
    async run(handle, args) {
      const { values } = parseArgs({ args, options: { "dry-run": { type: "boolean", default: false }, export: { type: "string" }, "count-first": { type: "boolean", default: false } } });
      if (!values["dry-run"]) throw new UsageError("Only --dry-run is offered here: staff run and confirm real rounds in the console (/admin/mentorship), where every change is audited.");
      const started = performance.now();
      const p = await prepareRound(handle.db, new Date(), values["count-first"] ? "count-then-score" : "score");
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${p.requests.length.toLocaleString("en-US")} waiting, ${p.mentors.length.toLocaleString("en-US")} mentors with ${p.mentors.reduce((s, m) => s + m.free, 0).toLocaleString("en-US")} free places, ${p.graph.mentor.length.toLocaleString("en-US")} candidate pairs${p.pruned ? " (each mentee's 20 best)" : ""}, in ${seconds} s.`,
      );
      console.log(
        `Exact: ${p.exact.matched.toLocaleString("en-US")} pairs, total ${p.exact.total.toLocaleString("en-US")}. Greedy: ${p.greedy.matched.toLocaleString("en-US")} pairs, total ${p.greedy.total.toLocaleString("en-US")}.`,
      );
      if (values.export) {
        const rows: (string | number)[][] = [["mentee_request", "mentor", "score", "mentor_free_places", "chosen"]];
        for (let i = 0; i < p.requests.length; i++)
          for (let e = p.graph.start[i]; e < p.graph.start[i + 1]; e++) {
            const j = p.graph.mentor[e];
            rows.push([p.requests[i].publicId, p.mentors[j].publicId, p.graph.score[e], p.mentors[j].free, p.exact.pairOf[i] === e ? "yes" : "no"]);
          }
        await writeFile(path.resolve(values.export), toCsv(rows));
        console.log(`Wrote ${(rows.length - 1).toLocaleString("en-US")} pairs to ${values.export}. Nothing was stored.`);
      } else console.log("Dry run: nothing was stored.");
    },
  },
  "members:import": {
    summary: "Import applicants/members from a CSV file (the columns of /admin/applications/import); --dry-run only checks it.",
    usage: "members:import <file.csv> [--dry-run]",
    async run(handle, args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { "dry-run": { type: "boolean", default: false } } });
      if (positionals.length !== 1) throw new UsageError("Usage: npm run amg -- members:import members.csv [--dry-run]");
      let csv: string;
      try {
        csv = await readFile(path.resolve(positionals[0]), "utf8");
      } catch (error) {
        throw new UsageError(`Cannot read ${positionals[0]}: ${(error as Error).message}`);
      }
      const db = handle.db;
      const started = performance.now();
      const id = await createMemberImport(db, { fileName: path.basename(positionals[0]), csv, createdBy: "command line", now: new Date() });
      await checkMemberImport(db, id, new Date());
      const checked = (await findMemberImport(db, id))!;
      if (checked.status === "failed") throw new UsageError(`Nothing was imported: ${checked.failure}`);
      console.log(
        `${checked.totalRows.toLocaleString("en-US")} rows: ${checked.validRows.toLocaleString("en-US")} valid, ${checked.errorRows.toLocaleString("en-US")} with problems.${checked.failure ? ` ${checked.failure}` : ""}`,
      );
      for (const e of checked.errors) console.log(`  row ${e.row}, ${e.column}: ${e.message}`);
      if (values["dry-run"] || checked.validRows === 0) {
        await cancelMemberImport(db, null, id, new Date());
        console.log(values["dry-run"] ? "Dry run: nothing was written." : "No valid row: nothing was written.");
        return;
      }
      await beginMemberImport(db, id, new Date());
      await runMemberImport(db, id, new Date());
      const done = (await findMemberImport(db, id))!;
      console.log(
        `Imported in ${((performance.now() - started) / 1000).toFixed(1)} s: ${done.inserted.toLocaleString("en-US")} added, ${done.updated.toLocaleString("en-US")} updated, ${done.errorRows.toLocaleString("en-US")} skipped.`,
      );
    },
  },
  "db:migrate": {
    summary: "Apply the database migrations (also done at every start).",
    async run() {
      console.log("Migrations are up to date.");
    },
  },
  "content:seed": {
    summary: "Seed the starter content into a new database (does nothing if already seeded).",
    async run(handle) {
      const { seeded } = await seedStarterContent(handle.db);
      console.log(seeded ? "Starter content seeded." : "Starter content was already seeded; nothing changed.");
    },
  },
  "settings:show": {
    summary: "Print the organisation and office-hours settings as JSON.",
    async run(handle) {
      console.log(JSON.stringify(await getSiteSettings(handle.db), null, 2));
    },
  },
  "outbox:list": {
    summary: "List the most recent e-mails in the outbox (sent, queued, kept or failed).",
    usage: "outbox:list [--limit N]",
    async run(handle, args) {
      const { values } = parseArgs({ args, options: { limit: { type: "string", default: "20" } } });
      const limit = Number.parseInt(values.limit ?? "20", 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError("--limit must be a whole number from 1 to 1000");
      const rows = await handle.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(limit);
      if (rows.length === 0) console.log("The outbox is empty.");
      for (const r of rows) console.log(`${String(r.id).padStart(6)}  ${r.createdAt.toISOString()}  ${r.status.padEnd(7)}  ${r.toAddress}  ${r.subject}${r.lastError ? `  (${r.lastError})` : ""}`);
      if (rows.length) console.log("\nnpm run amg -- outbox:show <id> prints a message in full.");
    },
  },
  "outbox:show": {
    summary: "Print one e-mail of the outbox in full (its headers and text), by the id outbox:list and the server log give.",
    usage: "outbox:show <id>",
    async run(handle, args) {
      const id = Number(args[0]);
      if (args.length !== 1 || !Number.isSafeInteger(id) || id < 1) throw new UsageError("Usage: npm run amg -- outbox:show 12 (the id that outbox:list and the server log give)");
      const [m] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)).limit(1);
      if (!m) throw new UsageError(`The outbox has no message ${id}. npm run amg -- outbox:list shows the latest ones.`);
      const status = m.status === "stored" ? "kept in the outbox (no SMTP_URL)" : m.status;
      console.log(
        [
          `From: ${m.fromAddress}`,
          `To: ${m.toAddress}`,
          ...(m.replyTo ? [`Reply-To: ${m.replyTo}`] : []),
          `Subject: ${m.subject}`,
          `Date: ${m.createdAt.toISOString()}`,
          `Status: ${status}${m.lastError ? ` (${m.lastError})` : ""}`,
          "",
          m.text,
        ].join("\n"),
      );
    },
  },
};

class UsageError extends Error {}

async function printStatus(handle: DatabaseHandle, publicId: string): Promise<void> {
  const row = await findNewsletter(handle.db, publicId).catch((error) => {
    if (error instanceof AppError) throw new UsageError(`No newsletter ${publicId}.`);
    throw error;
  });
  const p = await newsletterProgress(handle.db, row.id);
  const n = (x: number) => x.toLocaleString("en-US");
  console.log(`${row.subject}\nStatus: ${p.status}${p.pauseReason ? ` (${p.pauseReason})` : ""}`);
  console.log(
    `Sent ${n(p.sent)} · failed ${n(p.failed)} · remaining ${n(p.remaining)} · skipped ${n(p.skipped)} · ${p.rate}/s${p.secondsLeft !== null ? ` · about ${Math.ceil(p.secondsLeft / 60)} min left` : ""}`,
  );
  if (p.status === "sent" || p.status === "cancelled") {
    const r = await newsletterResults(handle.db, row.id);
    console.log(`Delivered ${n(r.delivered)} · failed ${n(r.failed)} · bounced ${n(r.bounced)} · complaints ${n(r.complaints)} · unsubscribes ${n(r.unsubscribes)}`);
    for (const f of r.failureReasons) console.log(`  ${n(f.count)}: ${f.reason}`);
  }
}

/** The errors node:util parseArgs throws for an option a command does not take or a missing value. */
const isBadOption = (error: unknown): error is Error => typeof (error as { code?: unknown })?.code === "string" && (error as { code: string }).code.startsWith("ERR_PARSE_ARGS_");

function printHelp() {
  console.log("Usage: npm run amg -- <command> [options]\n\nCommands:");
  for (const [name, command] of Object.entries(commands)) console.log(`  ${(command.usage ?? name).padEnd(28)} ${command.summary}`);
  console.log("\nThe database is the one the server uses: DATA_DIR (embedded, default ./.data) or DATABASE_URL.");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    printHelp();
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n`);
    printHelp();
    return 2;
  }
  let handle: DatabaseHandle | undefined;
  try {
    const config = loadConfig();
    handle = await openPlatformDatabase(config, createLogger("warn"));
    await command.run(handle, args);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirBusyError || error instanceof UsageError) {
      console.error(error.message);
      return error instanceof UsageError ? 2 : 1;
    }
    if (isBadOption(error)) {
      // node:util parseArgs names the option in its message ("Unknown option '--nope'…").
      console.error(`${error.message.split(". ")[0]}.\nUsage: npm run amg -- ${command.usage ?? name}`);
      return 2;
    }
    throw error;
  } finally {
    await handle?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
