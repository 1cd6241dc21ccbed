// The sending engine: delivers a newsletter's recipient rows exactly once across any number of
// worker processes, crashes and restarts (decision 0023). Each lane claims a small batch with
// FOR UPDATE SKIP LOCKED (suppressed and unsubscribed addresses are skipped in the same statement),
// sends each copy of the message (composed once per send) through the bulk SMTP pool, and records it
// sent right after the server accepted it (group commit). A row whose worker died stays "sending" until its lease runs out; only
// then may another worker claim it, and only because it was never recorded sent.
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import type { Logger } from "~/platform/logger";
import type { MailTransport } from "~/platform/mail-transport.server";
import { mailLinkToken, unsubscribeLink } from "./mail-links.server";
import { compileNewsletterMessage, personalise, unsubscribeMarker } from "./render.server";
import type { RenderedNewsletter } from "./render.server";
import { isBlocked } from "./recipients.server";
import { classifySmtpFailure, maxAttempts, pauseAfterServerFailures, retryDelaySeconds } from "./smtp-outcome";
import type { SmtpFailure } from "./smtp-outcome";
import { recordMailEvent, suppressAddress } from "./suppressions.server";

export type EngineDeps = {
  db: Executor;
  transport: MailTransport;
  log: Logger;
  appUrl: string;
  from: string;
  /** mailto for List-Unsubscribe (the organisation's address). */
  unsubscribeMailbox: string;
  secretKey: Buffer;
  /** Names this worker in claimed_by (host:pid:random). */
  workerId?: string;
  /** Concurrent messages (twice the bulk pool's size keeps every connection busy while lanes write to the database). */
  lanes?: number;
  batchSize?: number;
  /** A claim older than this is presumed dead (its worker crashed). Far longer than one message takes. */
  leaseSeconds?: number;
  /** Stop after this long (the job enqueues its own continuation). */
  deadlineMs?: number;
  /** Wait at most this long for rows another worker holds or that wait for a retry, before returning. */
  maxIdleWaitMs?: number;
};

export type RunOutcome = "sent" | "paused" | "cancelled" | "not-sending" | "waiting" | "deadline";

type Claimed = { id: number; email: string; state: "sending" | "skipped"; attempts: number };
type NewsletterRow = { id: number; status: string; subject: string; topic: string; rendered_html: string | null; rendered_text: string | null };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const messageIdOf = (newsletterId: number, recipientId: number, appUrl: string) => `<newsletter-${newsletterId}.${recipientId}@${new URL(appUrl).hostname}>`;

/** Parses our own Message-ID back to its newsletter and recipient row (bounce reports quote it). */
export function parseMessageId(messageId: string): { newsletterId: number; recipientId: number } | null {
  const m = messageId.match(/newsletter-(\d+)\.(\d+)@/);
  return m ? { newsletterId: Number(m[1]), recipientId: Number(m[2]) } : null;
}

export async function runNewsletterSend(deps: EngineDeps, newsletterId: number): Promise<RunOutcome> {
  const { db, transport, log } = deps;
  const workerId = deps.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const lanes = deps.lanes ?? 10;
  const batchSize = deps.batchSize ?? 20;
  const leaseSeconds = deps.leaseSeconds ?? 120;
  const deadline = Date.now() + (deps.deadlineMs ?? 10 * 60_000);
  const maxIdleWaitMs = deps.maxIdleWaitMs ?? (leaseSeconds + 5) * 1000;

  const [newsletter] = rowsOf<NewsletterRow>(await db.execute(sql`select id, status, subject, topic, rendered_html, rendered_text from newsletters where id = ${newsletterId}`));
  if (newsletter?.status !== "sending" || !newsletter.rendered_html || !newsletter.rendered_text) return "not-sending";
  const rendered: RenderedNewsletter = { html: newsletter.rendered_html, text: newsletter.rendered_text };
  const mailto = `mailto:${deps.unsubscribeMailbox}?subject=${encodeURIComponent("Unsubscribe")}`;
  const listId = `<newsletter.${new URL(deps.appUrl).hostname}>`;
  const bulkHeaders = (unsubscribeUrl: string) => ({
    "List-Unsubscribe": `<${unsubscribeUrl}>, <${mailto}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    "List-Id": listId,
    Precedence: "bulk",
    "X-AMG-Newsletter": String(newsletterId),
  });
  // The MIME message is composed once for the whole send; each copy only fills in its address,
  // Message-ID, Date and unsubscribe link (composing costs ~2 ms of CPU a message; filling, microseconds).
  const message = await compileNewsletterMessage(rendered, { from: deps.from, subject: newsletter.subject, headers: bulkHeaders(unsubscribeMarker) });

  let status = "sending";
  let serverFailures = 0;
  let pauseReason: string | null = null;
  let idleSince = Date.now();

  // Staff pause or cancel: noticed within half a second, not after the batch.
  const watch = setInterval(async () => {
    try {
      const [row] = rowsOf<{ status: string }>(await db.execute(sql`select status from newsletters where id = ${newsletterId}`));
      status = row?.status ?? "cancelled";
    } catch {}
  }, 500);
  // The lease is renewed while this worker lives: only a dead (or frozen for a whole lease) worker's
  // rows can be claimed by another. Renewed three times per lease.
  const heartbeat = setInterval(
    async () => {
      try {
        // SKIP LOCKED, in id order: never waits on (or deadlocks with) the rows being recorded sent.
        await db.execute(sql`
          update newsletter_recipients set claimed_at = now() where id in (
            select id from newsletter_recipients where newsletter_id = ${newsletterId} and state = 'sending' and claimed_by = ${workerId}
            order by id for update skip locked)`);
      } catch {}
    },
    Math.max(200, (leaseSeconds * 1000) / 3),
  );

  // Where this worker's claims resume: a search hint only, never a record of what was sent. The claim
  // scans its index from just past the last row this worker claimed instead of from the first row of
  // the send, past every row already sent (whose old index entries linger until vacuum): without it a
  // claim late in a 120,000-row send walks ~100,000 dead entries. Rows behind it that are queued again
  // (given back, waiting for a retry, a dead worker's) are found by the claim from the start that runs
  // whenever the hinted one finds nothing, and the send only ends when that one finds nothing too.
  let cursor = 0;
  const claim = async (from: number): Promise<Claimed[]> =>
    rowsOf<Claimed>(
      await db.execute(sql`
        with picked as (
          select r.id, ${isBlocked(sql`r.email`, sql`${newsletter.topic}::text`)} as blocked from newsletter_recipients r
          where r.newsletter_id = ${newsletterId} and r.state = 'queued' and r.id > ${from} and (r.retry_at is null or r.retry_at <= now())
            and exists (select 1 from newsletters n where n.id = ${newsletterId} and n.status = 'sending')
          order by r.id
          limit ${batchSize}
          for update of r skip locked
        )
        update newsletter_recipients r set
          state = case when p.blocked then 'skipped' else 'sending' end,
          failure_reason = case when p.blocked then 'Suppressed or unsubscribed during the send' else r.failure_reason end,
          claimed_by = ${workerId}, claimed_at = now(), attempts = r.attempts + case when p.blocked then 0 else 1 end
        from picked p where r.id = p.id
        returning r.id, r.email, r.state, r.attempts`),
    );
  const claimNext = async (): Promise<Claimed[]> => {
    let rows = cursor > 0 ? await claim(cursor) : [];
    if (rows.length === 0) rows = await claim(0);
    for (const row of rows) cursor = Math.max(cursor, row.id);
    return rows;
  };

  // The re-check of a dead worker's rows: "sending" and its lease ran out, so never recorded sent:
  // queued again (then claimed like any other). Kept out of the claim so that one reads its index in order.
  const recoverStale = () =>
    db.execute(sql`
      update newsletter_recipients set state = 'queued', claimed_by = null
      where newsletter_id = ${newsletterId} and state = 'sending' and claimed_at < now() - make_interval(secs => ${leaseSeconds})`);

  // Gives claimed rows back untouched (a pause, or a server that stopped answering).
  const release = async (ids: number[], retryInSeconds = 0) => {
    if (ids.length === 0) return;
    await db.execute(sql`
      update newsletter_recipients set state = 'queued', claimed_by = null, attempts = greatest(attempts - 1, 0),
        retry_at = case when ${retryInSeconds}::int > 0 then now() + make_interval(secs => ${retryInSeconds}) else retry_at end
      where id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) and state = 'sending' and claimed_by = ${workerId}`);
  };

  const pause = async (reason: string) => {
    if (pauseReason) return;
    pauseReason = reason;
    status = "paused";
    await db.execute(sql`update newsletters set status = 'paused', pause_reason = ${reason}, updated_at = now() where id = ${newsletterId} and status = 'sending'`);
    log.warn("newsletter paused: the mail server is not accepting mail", { newsletter: newsletterId, reason });
  };

  // Group commit of "sent": an acceptance is written at once when no write is under way, else with
  // every other acceptance as soon as the write under way commits (one UPDATE for all of them).
  // "At once" is the end of the event loop's current turn (setImmediate, no timer): acceptances that
  // already arrived on other connections join it. Each acceptance is thus recorded within about two
  // database round trips, and the database does one statement for many messages instead of one each.
  type Accepted = { id: number; messageId: string; response: string };
  let buffer: { row: Accepted; done: () => void; failed: (e: unknown) => void }[] = [];
  let flushing = false;
  const flush = async (): Promise<void> => {
    flushing = true;
    await new Promise((resolve) => setImmediate(resolve));
    while (buffer.length) {
      const batch = buffer.sort((x, y) => x.row.id - y.row.id); // rows locked in id order
      buffer = [];
      try {
        await db.execute(sql`
          update newsletter_recipients r set state = 'sent', sent_at = now(), smtp_message_id = v.mid, smtp_response = v.resp, failure_reason = null
          from (values ${sql.join(
            batch.map(({ row }) => sql`(${row.id}::int, ${row.messageId}::text, ${row.response}::text)`),
            sql`, `,
          )}) as v(id, mid, resp)
          where r.id = v.id`);
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.failed(error);
      }
    }
    flushing = false;
  };
  const recordSent = (row: Accepted) =>
    new Promise<void>((done, failed) => {
      buffer.push({ row, done, failed });
      if (!flushing) void flush();
    });

  async function sendOne(row: Claimed, attempts: number): Promise<{ recorded?: Promise<unknown> } | undefined> {
    const token = mailLinkToken(deps.secretKey, { email: row.email, newsletterId }, new Date());
    const url = unsubscribeLink(deps.appUrl, token);
    const messageId = messageIdOf(newsletterId, row.id, deps.appUrl);
    try {
      const raw = message.copy({ to: row.email, messageId, unsubscribeUrl: url });
      const accepted = raw
        ? await transport.deliverRaw({ from: deps.from, to: row.email, raw })
        : await transport.deliver({ from: deps.from, to: row.email, subject: newsletter.subject, ...personalise(rendered, url), messageId, headers: bulkHeaders(url) });
      // The window: the server has the message; until this UPDATE commits, a crash would send it
      // again. It is issued at once, on its own; the lane sends its next message while it commits
      // (and waits for it before the one after), so the database never idles the SMTP connection.
      serverFailures = 0;
      const recorded = recordSent({ id: row.id, messageId, response: accepted.response.slice(0, 300) });
      recorded.catch(() => {}); // awaited by the lane; this only keeps a failure from counting as unhandled meanwhile
      return { recorded };
    } catch (error) {
      const outcome = classifySmtpFailure(error as SmtpFailure);
      if (outcome.kind === "server-down") {
        serverFailures++;
        await release([row.id], 5);
        if (serverFailures >= pauseAfterServerFailures) await pause(`The mail server did not accept mail (${outcome.reason}). The send is paused; resume it once the server works again.`);
        return;
      }
      if (outcome.kind === "retry" && attempts < maxAttempts) {
        await db.execute(
          sql`update newsletter_recipients set state = 'queued', claimed_by = null, retry_at = now() + make_interval(secs => ${retryDelaySeconds(attempts)}), failure_reason = ${outcome.reason} where id = ${row.id}`,
        );
        return;
      }
      await db.execute(sql`update newsletter_recipients set state = 'failed', failure_reason = ${outcome.reason} where id = ${row.id}`);
      if (outcome.kind === "failed" && outcome.suppress) {
        await suppressAddress(db, { email: row.email, reason: "hard-bounce", source: "smtp", detail: outcome.reason, newsletterId });
        await recordMailEvent(db, { email: row.email, kind: "hard-bounce", newsletterId, source: "smtp", detail: outcome.reason });
      }
    }
  }

  async function lane(): Promise<void> {
    while (status === "sending" && Date.now() < deadline) {
      const rows = await claimNext();
      if (rows.length === 0) return;
      idleSince = Date.now();
      const pending = rows.filter((r) => r.state === "sending");
      let recording: Promise<unknown> = Promise.resolve();
      while (pending.length) {
        if (status !== "sending") {
          await recording;
          await release(pending.map((r) => r.id));
          return;
        }
        const row = pending.shift()!;
        const outcome = await sendOne(row, row.attempts);
        await recording;
        recording = outcome?.recorded ?? Promise.resolve();
      }
      await recording;
    }
  }

  try {
    for (;;) {
      await recoverStale();
      await Promise.all(Array.from({ length: lanes }, lane));
      if (pauseReason) return "paused";
      if (status === "paused") return "paused";
      if (status === "cancelled") return "cancelled";
      if (status !== "sending") return "not-sending";
      if (Date.now() >= deadline) return "deadline";
      const [left] = rowsOf<{ queued: number; sending: number; next_retry_ms: number | null; next_lease_ms: number | null }>(
        await db.execute(sql`
          select count(*) filter (where state = 'queued')::int as queued, count(*) filter (where state = 'sending')::int as sending,
            (extract(epoch from min(retry_at) filter (where state = 'queued') - now()) * 1000)::int as next_retry_ms,
            (extract(epoch from min(claimed_at) filter (where state = 'sending') + make_interval(secs => ${leaseSeconds}) - now()) * 1000)::int as next_lease_ms
          from newsletter_recipients where newsletter_id = ${newsletterId} and state in ('queued', 'sending')`),
      );
      if (left.queued === 0 && left.sending === 0) {
        await db.execute(sql`
          update newsletters set status = 'sent', finished_at = now(), updated_at = now()
          where id = ${newsletterId} and status = 'sending'
            and not exists (select 1 from newsletter_recipients where newsletter_id = ${newsletterId} and state in ('queued', 'sending'))`);
        return "sent";
      }
      // Rows another worker holds (it finishes them, or its lease runs out) or rows waiting for a retry.
      const waits = [left.next_retry_ms, left.next_lease_ms].filter((w): w is number => w !== null);
      const wait = Math.max(100, Math.min(1000, ...waits));
      if (Date.now() - idleSince > maxIdleWaitMs || Math.min(...waits) > maxIdleWaitMs) return "waiting";
      await sleep(wait);
    }
  } finally {
    clearInterval(watch);
    clearInterval(heartbeat);
  }
}
