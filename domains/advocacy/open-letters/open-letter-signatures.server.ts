// Open letters for staff: the signatures of one letter (search, filters, pages), its counts over
// time and breakdowns by state and by credential, the CSV export, the delivery packet, and the
// record of each delivery to the addressee. The public pages' reads are in open-letters.server.ts.
import { and, asc, count, desc, eq, gt, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { campaigns, openLetterDeliveries, signatures } from "~/db/schema/index";
import { announceContentChanged } from "~/domains/site/content-changed.server";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { toCsv } from "~/platform/csv";
import { containsPattern } from "~/platform/search-pattern";
import type { DeliveryInput, SignatureFilter } from "~/domains/advocacy/advocacy.schema";

export const signaturesPageSize = 50;

/** An open letter as staff see it (published or not), or null. */
export async function findOpenLetterForStaff(db: Executor, slug: string) {
  const [letter] = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      title: campaigns.title,
      addressee: campaigns.addressee,
      letterMarkdown: campaigns.letterMarkdown,
      goal: campaigns.goal,
      isPublished: campaigns.isPublished,
    })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), eq(campaigns.kind, "open-letter")))
    .limit(1);
  return letter ?? null;
}

/** Every open letter with its confirmed and waiting signatures and its latest delivery. */
export async function listOpenLettersForStaff(db: Executor) {
  const letters = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      title: campaigns.title,
      addressee: campaigns.addressee,
      isPublished: campaigns.isPublished,
      confirmed: sql<number>`(select count(*)::int from signatures s where s.campaign_id = campaigns.id and s.status = 'confirmed')`,
      waiting: sql<number>`(select count(*)::int from signatures s where s.campaign_id = campaigns.id and s.status = 'pending')`,
    })
    .from(campaigns)
    .where(eq(campaigns.kind, "open-letter"))
    .orderBy(asc(campaigns.sortOrder), asc(campaigns.id));
  const latest = await latestDeliveries(db);
  return letters.map((l) => ({ ...l, delivery: latest.get(l.id) ?? null }));
}

/** Confirmed signatures in all, and since a time (the dashboard's tile). */
export async function signatureTotals(db: Executor, since: Date) {
  const [row] = await db
    .select({ confirmed: count(), since: sql<number>`count(*) filter (where ${signatures.confirmedAt} >= ${since.toISOString()})::int` })
    .from(signatures)
    .where(eq(signatures.status, "confirmed"));
  return { confirmed: row.confirmed, confirmedSince: row.since };
}

function filterOf(campaignId: number, filter: SignatureFilter): SQL {
  const parts: (SQL | undefined)[] = [eq(signatures.campaignId, campaignId)];
  if (filter.status) parts.push(eq(signatures.status, filter.status));
  if (filter.state) parts.push(eq(signatures.state, filter.state));
  if (filter.role === "none") parts.push(sql`${signatures.signerRole} is null`);
  else if (filter.role) parts.push(eq(signatures.signerRole, filter.role));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    // The same expression as the trigram index signatures_search_trgm_idx.
    parts.push(sql`(${signatures.name} || ' ' || ${signatures.email} || ' ' || ${signatures.city} || ' ' || ${signatures.zip}) ilike ${pattern}`);
  }
  return and(...parts) as SQL;
}

const listedColumns = {
  id: signatures.id,
  name: signatures.name,
  email: signatures.email,
  city: signatures.city,
  zip: signatures.zip,
  state: signatures.state,
  signerRole: signatures.signerRole,
  showName: signatures.showName,
  status: signatures.status,
  createdAt: signatures.createdAt,
  confirmedAt: signatures.confirmedAt,
};

/** One page of a letter's signatures, newest first, and how many match the filter. */
export async function listSignatures(db: Executor, campaignId: number, filter: SignatureFilter) {
  const where = filterOf(campaignId, filter);
  const [rows, [total]] = await Promise.all([
    db
      .select(listedColumns)
      .from(signatures)
      .where(where)
      .orderBy(desc(signatures.createdAt), desc(signatures.id))
      .limit(signaturesPageSize)
      .offset((filter.page - 1) * signaturesPageSize),
    db.select({ n: count() }).from(signatures).where(where),
  ]);
  return { rows, total: total.n };
}

/** Confirmed signatures: in all, by credential, by state, and per day (UTC). */
export async function signatureBreakdown(db: Executor, campaignId: number) {
  const confirmed = and(eq(signatures.campaignId, campaignId), eq(signatures.status, "confirmed"));
  const [[totals], byState, perDay] = await Promise.all([
    db
      .select({
        confirmed: count(),
        listed: sql<number>`count(*) filter (where ${signatures.showName})::int`,
        unmatchedGraduates: sql<number>`count(*) filter (where ${signatures.signerRole} = 'unmatched-graduate')::int`,
        physicians: sql<number>`count(*) filter (where ${signatures.signerRole} = 'physician')::int`,
        supporters: sql<number>`count(*) filter (where ${signatures.signerRole} = 'supporter')::int`,
        unstated: sql<number>`count(*) filter (where ${signatures.signerRole} is null)::int`,
        waiting: sql<number>`(select count(*)::int from signatures w where w.campaign_id = ${campaignId} and w.status = 'pending')`,
      })
      .from(signatures)
      .where(confirmed),
    db.select({ state: signatures.state, n: count() }).from(signatures).where(confirmed).groupBy(signatures.state).orderBy(desc(count()), asc(signatures.state)),
    db
      .select({ day: sql<string>`to_char(${signatures.confirmedAt} at time zone 'UTC', 'YYYY-MM-DD')`, n: count() })
      .from(signatures)
      .where(confirmed)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
  ]);
  let runningTotal = 0;
  const withTotals = perDay.map((d) => {
    runningTotal += d.n;
    return { ...d, total: runningTotal };
  });
  return { totals, byState, perDay: withTotals };
}

const roleWords = { "unmatched-graduate": "unmatched graduate", physician: "physician", supporter: "supporter" } as const;
/** A signer's credential in words (never the stored code). */
export const signerRoleLabel = (role: keyof typeof roleWords | null) => (role ? roleWords[role] : "not given");

const csvHeader = ["signed_at", "confirmed_at", "status", "name", "email", "city", "state", "zip", "credential", "listed_publicly"];

/** The signatures the filter selects, oldest first, in batches of 5,000: streamed by the route. */
export async function* exportSignaturesCsv(db: Executor, campaignId: number, filter: SignatureFilter): AsyncGenerator<string> {
  yield toCsv([csvHeader]);
  const where = filterOf(campaignId, filter);
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select(listedColumns)
      .from(signatures)
      .where(and(where, gt(signatures.id, afterId)))
      .orderBy(asc(signatures.id))
      .limit(5000);
    if (!rows.length) return;
    yield toCsv(
      rows.map((r) => [
        r.createdAt.toISOString(),
        r.confirmedAt?.toISOString() ?? "",
        r.status === "confirmed" ? "confirmed" : "waiting for e-mail confirmation",
        r.name,
        r.email,
        r.city,
        r.state ?? "",
        r.zip,
        signerRoleLabel(r.signerRole),
        r.showName ? "yes" : "no",
      ]),
    );
    afterId = rows[rows.length - 1].id;
  }
}

/**
 * What goes to the addressee: the count and breakdown of confirmed signatures, and the names,
 * cities and states of those who agreed to be shown (never an e-mail address or a ZIP code).
 */
export async function deliveryPacket(db: Executor, campaignId: number) {
  const [breakdown, listed] = await Promise.all([
    signatureBreakdown(db, campaignId),
    db
      .select({ name: signatures.name, city: signatures.city, state: signatures.state, signerRole: signatures.signerRole })
      .from(signatures)
      .where(and(eq(signatures.campaignId, campaignId), eq(signatures.status, "confirmed"), eq(signatures.showName, true)))
      .orderBy(asc(signatures.confirmedAt), asc(signatures.id)),
  ]);
  return { ...breakdown, listed };
}

/** Records a delivery (audited); the public page then says when the letter was delivered. */
export async function recordOpenLetterDelivery(db: Executor, actor: Actor | null, campaignId: number, slug: string, input: DeliveryInput) {
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(signatures)
      .where(and(eq(signatures.campaignId, campaignId), eq(signatures.status, "confirmed")));
    const [row] = await tx
      .insert(openLetterDeliveries)
      .values({ campaignId, recipient: input.recipient, deliveredOn: input.deliveredOn, method: input.method, note: input.note, signatureCount: n, recordedBy: actor?.email ?? null })
      .returning();
    await recordAudit(tx, actor, {
      action: "open-letter.delivery",
      subjectType: "campaign",
      subjectId: slug,
      details: { recipient: input.recipient, deliveredOn: input.deliveredOn, method: input.method, signatures: n },
    });
    // The public pages say "Delivered to … on …" from the next request, in every process.
    await announceContentChanged(tx, "open-letter-delivery");
    return row;
  });
}

/** A letter's deliveries, latest first. */
export function listDeliveries(db: Executor, campaignId: number) {
  return db.select().from(openLetterDeliveries).where(eq(openLetterDeliveries.campaignId, campaignId)).orderBy(desc(openLetterDeliveries.deliveredOn), desc(openLetterDeliveries.id));
}

/** The latest delivery of each letter (one query for the list pages). */
export async function latestDeliveries(db: Executor) {
  const rows = await db
    .selectDistinctOn([openLetterDeliveries.campaignId], { campaignId: openLetterDeliveries.campaignId, recipient: openLetterDeliveries.recipient, deliveredOn: openLetterDeliveries.deliveredOn })
    .from(openLetterDeliveries)
    .orderBy(openLetterDeliveries.campaignId, desc(openLetterDeliveries.deliveredOn), desc(openLetterDeliveries.id));
  return new Map(rows.map((r) => [r.campaignId, { recipient: r.recipient, deliveredOn: r.deliveredOn }]));
}
