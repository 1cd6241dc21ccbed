// Who a newsletter goes to, in SQL: the audience's parts as one-column sub-queries (each context
// gives its own: membership's memberAddresses, mentorship's mentorAddresses, advocacy's campaignActionAddresses), unioned and
// de-duplicated by lower-cased address, less suppressed addresses and people who turned the topic
// off. Counted for the console, and written as one row per address in ONE INSERT … SELECT.
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { subscribers } from "~/db/schema/index";
import { campaignActionAddresses } from "~/domains/advocacy/campaigns/campaign-audience.server";
import { memberAddresses } from "~/domains/membership/queries.server";
import { mentorAddresses } from "~/domains/mentorship/mentor-audience.server";
import type { Audience, AudiencePart } from "./audience";

export type Topic = "newsletter" | "campaign-alerts" | "member-updates";

function partQuery(db: Executor, part: AudiencePart): SQL {
  switch (part.kind) {
    case "subscribers":
      return sql`select ${subscribers.email} as email from ${subscribers} where ${subscribers.status} = 'active'`;
    case "members":
      return sql`${memberAddresses(db, part.filter)}`;
    case "mentors":
      return sql`${mentorAddresses(db)}`;
    case "campaign-action":
      return sql`${campaignActionAddresses(db, part.campaignSlug)}`;
    case "addresses":
      return sql`select jsonb_array_elements_text(${JSON.stringify(part.emails)}::jsonb) as email`;
  }
}

/** SQL true when mail of `topic` must not go to the address in `email` (a column reference). */
export function isBlocked(email: SQL, topic: SQL): SQL {
  return sql`(exists (select 1 from email_suppressions s where s.email = ${email})
    or exists (select 1 from mail_preferences m where m.email = ${email}
      and not (case ${topic} when 'newsletter' then m.newsletter when 'campaign-alerts' then m.campaign_alerts else m.member_updates end))
    or (${topic} = 'newsletter' and exists (select 1 from subscribers x where x.email = ${email} and x.status = 'unsubscribed')))`;
}

function audienceAddresses(db: Executor, audience: Audience): SQL {
  const union = sql.join(
    audience.parts.map((part) => sql`(${partQuery(db, part)})`),
    sql` union `,
  );
  return sql`select distinct lower(trim(u.email)) as email from (${union}) u where u.email is not null and u.email <> ''`;
}

export type AudienceCount = { recipients: number; blocked: number };

/** The exact number who would receive it now (after duplicates and suppressions), and how many are held back. */
export async function countAudience(db: Executor, audience: Audience, topic: Topic): Promise<AudienceCount> {
  const result = (await db.execute(sql`
    select count(*) filter (where not a.blocked)::int as recipients, count(*) filter (where a.blocked)::int as blocked
    from (select d.email, ${isBlocked(sql`d.email`, sql`${topic}::text`)} as blocked from (${audienceAddresses(db, audience)}) d) a`)) as unknown as {
    rows: AudienceCount[];
  };
  return result.rows[0];
}

/**
 * Writes one row per address (queued, or skipped when suppressed) in one statement; a second call
 * adds nothing (unique on newsletter and address). Returns how many will be sent.
 */
export async function materialiseRecipients(tx: Executor, newsletterId: number, audience: Audience, topic: Topic): Promise<AudienceCount> {
  await tx.execute(sql`
    insert into newsletter_recipients (newsletter_id, email, state, failure_reason)
    select ${newsletterId}::int, a.email, case when a.blocked then 'skipped' else 'queued' end,
      case when a.blocked then 'Suppressed or unsubscribed before the send began' end
    from (select d.email, ${isBlocked(sql`d.email`, sql`${topic}::text`)} as blocked from (${audienceAddresses(tx, audience)}) d) a
    order by a.email
    on conflict (newsletter_id, email) do nothing`);
  const result = (await tx.execute(sql`
    select count(*) filter (where state <> 'skipped')::int as recipients, count(*) filter (where state = 'skipped')::int as blocked
    from newsletter_recipients where newsletter_id = ${newsletterId}`)) as unknown as { rows: AudienceCount[] };
  return result.rows[0];
}
