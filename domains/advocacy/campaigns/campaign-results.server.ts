// What a legislator-letter campaign achieved, for staff: people and letters over time, by state,
// district and office; letters delivered by e-mail (the mail server accepted them), reported sent
// by their writers (through the office's form or by phone), and only prepared; every letter as
// CSV; and, per office, a printable packet for lobby days.
import { and, asc, count, desc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { toCsv } from "~/platform/csv";
import { actionMessages, campaignActions } from "~/db/schema/index";
import { outboxStatuses } from "~/domains/email/outbox-status.server";
import type { OutboxStatus } from "~/domains/email/outbox-status.server";
import { letterStanding, tallyLetters } from "./delivery-rules";
import type { LetterTally } from "./delivery-rules";

/** How a letter stands: e-mailed and accepted by the mail server, still sending, failed, reported sent by its writer (form or phone), or only prepared. */
export function letterStatus(delivery: "email" | "prepared", outbox: OutboxStatus | undefined, reported: { at: Date | null; via: "form" | "phone" | null } = { at: null, via: null }): string {
  const standing = letterStanding({ delivery, outbox, reportedSentAt: reported.at });
  if (standing === "reported sent") return reported.via === "phone" ? "reported sent (phone)" : "reported sent (form)";
  return standing;
}

export async function campaignResults(db: Executor, campaignId: number) {
  const byAction = eq(campaignActions.campaignId, campaignId);
  const byMessage = eq(actionMessages.campaignId, campaignId);
  const [[people], perDay, perState, perDistrict, perOffice, emailed] = await Promise.all([
    db.select({ n: count() }).from(campaignActions).where(byAction),
    db
      .select({ day: sql<string>`to_char(${campaignActions.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`, n: count() })
      .from(campaignActions)
      .where(byAction)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db.select({ state: campaignActions.state, n: count() }).from(campaignActions).where(byAction).groupBy(campaignActions.state).orderBy(desc(count()), asc(campaignActions.state)),
    db
      .select({ district: campaignActions.district, n: count() })
      .from(campaignActions)
      .where(and(byAction, sql`${campaignActions.district} is not null`))
      .groupBy(campaignActions.district)
      .orderBy(desc(count()), asc(campaignActions.district))
      .limit(100),
    db
      .select({
        key: actionMessages.legislatorKey,
        title: actionMessages.targetTitle,
        name: actionMessages.targetName,
        district: actionMessages.district,
        target: actionMessages.target,
        letters: count(),
        reportedSent: sql<number>`count(*) filter (where ${actionMessages.delivery} = 'prepared' and ${actionMessages.reportedSentAt} is not null)::int`,
        onlyPrepared: sql<number>`count(*) filter (where ${actionMessages.delivery} = 'prepared' and ${actionMessages.reportedSentAt} is null)::int`,
      })
      .from(actionMessages)
      .where(byMessage)
      .groupBy(actionMessages.legislatorKey, actionMessages.targetTitle, actionMessages.targetName, actionMessages.district, actionMessages.target)
      .orderBy(desc(count()), asc(actionMessages.targetName)),
    db
      .select({ key: actionMessages.legislatorKey, outboxId: actionMessages.outboxId })
      .from(actionMessages)
      .where(and(byMessage, eq(actionMessages.delivery, "email"))),
  ]);
  const statuses = await outboxStatuses(
    db,
    emailed.flatMap((m) => (m.outboxId ? [m.outboxId] : [])),
  );
  const emailedByOffice = new Map<string, LetterTally>();
  for (const m of emailed) {
    const facts = { delivery: "email" as const, outbox: m.outboxId ? statuses.get(m.outboxId) : undefined, reportedSentAt: null };
    const sum = emailedByOffice.get(m.key) ?? tallyLetters([]);
    const one = tallyLetters([facts]);
    for (const k of Object.keys(sum) as (keyof LetterTally)[]) sum[k] += one[k];
    emailedByOffice.set(m.key, sum);
  }
  const offices = perOffice.map((o) => {
    const e = emailedByOffice.get(o.key) ?? tallyLetters([]);
    return { ...o, deliveredByEmail: e.deliveredByEmail, emailing: e.sending + e.failed + e.keptInOutbox };
  });
  const total = (k: "deliveredByEmail" | "reportedSent" | "onlyPrepared") => offices.reduce((sum, o) => sum + o[k], 0);
  const email = [...emailedByOffice.values()].reduce((sum, t) => ({ sending: sum.sending + t.sending, failed: sum.failed + t.failed, kept: sum.kept + t.keptInOutbox }), {
    sending: 0,
    failed: 0,
    kept: 0,
  });
  return {
    people: people.n,
    letters: offices.reduce((sum, o) => sum + o.letters, 0),
    /** The four figures: people who took part, letters delivered by e-mail, reported sent by their writers, only prepared. */
    counts: { deliveredByEmail: total("deliveredByEmail"), reportedSent: total("reportedSent"), onlyPrepared: total("onlyPrepared"), ...email },
    perDay,
    perState,
    perDistrict,
    perOffice: offices,
  };
}

const csvHeader = [
  "sent_at",
  "office",
  "office_key",
  "chamber",
  "district",
  "letter_version",
  "status",
  "constituent_name",
  "constituent_email",
  "street",
  "city",
  "state",
  "zip",
  "subject",
  "constituent_message",
  "organisation_statement",
];

/** Every letter of the campaign (or of one office), oldest first, in batches: streamed by the route. */
export async function* exportCampaignLettersCsv(db: Executor, campaignId: number, office?: string): AsyncGenerator<string> {
  yield toCsv([csvHeader]);
  let afterId = 0;
  for (;;) {
    const rows = await selectLetters(db, campaignId, office, afterId, 1000);
    if (!rows.length) return;
    const statuses = await outboxStatuses(
      db,
      rows.flatMap((r) => (r.outboxId ? [r.outboxId] : [])),
    );
    yield toCsv(
      rows.map((r) => [
        r.updatedAt.toISOString(),
        `${r.targetTitle} ${r.targetName}`,
        r.legislatorKey,
        r.target,
        r.district,
        r.version,
        letterStatus(r.delivery, r.outboxId ? statuses.get(r.outboxId) : undefined, { at: r.reportedSentAt, via: r.reportedVia }),
        r.name,
        r.email,
        r.street,
        r.city,
        r.state,
        r.zip,
        r.subject,
        r.constituentMessage,
        r.organisationStatement,
      ]),
    );
    afterId = rows[rows.length - 1].id;
  }
}

function selectLetters(db: Executor, campaignId: number, office: string | undefined, afterId: number, limit: number) {
  return db
    .select({
      id: actionMessages.id,
      legislatorKey: actionMessages.legislatorKey,
      targetTitle: actionMessages.targetTitle,
      targetName: actionMessages.targetName,
      target: actionMessages.target,
      district: actionMessages.district,
      version: actionMessages.version,
      delivery: actionMessages.delivery,
      outboxId: actionMessages.outboxId,
      reportedSentAt: actionMessages.reportedSentAt,
      reportedVia: actionMessages.reportedVia,
      subject: actionMessages.subject,
      constituentMessage: actionMessages.constituentMessage,
      organisationStatement: actionMessages.organisationStatement,
      updatedAt: actionMessages.updatedAt,
      name: campaignActions.name,
      email: campaignActions.email,
      street: campaignActions.street,
      city: campaignActions.city,
      state: campaignActions.state,
      zip: campaignActions.zip,
    })
    .from(actionMessages)
    .innerJoin(campaignActions, eq(campaignActions.id, actionMessages.actionId))
    .where(and(eq(actionMessages.campaignId, campaignId), office ? eq(actionMessages.legislatorKey, office) : undefined, gt(actionMessages.id, afterId)))
    .orderBy(asc(actionMessages.id))
    .limit(limit);
}

/** One office's packet: every letter its constituents sent or prepared, to print for a lobby visit. */
export async function officePacket(db: Executor, campaignId: number, office: string) {
  const letters = await selectLetters(db, campaignId, office, 0, 5000);
  if (!letters.length) return null;
  const statuses = await outboxStatuses(
    db,
    letters.flatMap((r) => (r.outboxId ? [r.outboxId] : [])),
  );
  const first = letters[0];
  return {
    office: { key: office, title: first.targetTitle, name: first.targetName, district: first.district },
    organisationStatement: first.organisationStatement,
    letters: letters.map((l) => ({
      id: l.id,
      name: l.name,
      city: l.city,
      state: l.state,
      zip: l.zip,
      subject: l.subject,
      text: l.constituentMessage,
      status: letterStatus(l.delivery, l.outboxId ? statuses.get(l.outboxId) : undefined, { at: l.reportedSentAt, via: l.reportedVia }),
      sentAt: l.updatedAt.toISOString().slice(0, 10),
    })),
  };
}
