// Retention of held letters (docs/decisions/0012): a held action whose link was never opened is
// deleted a day after the link expired, with the name, address and story it holds. One that was
// confirmed has been merged into the person's action; its page ("your letters went out") stays
// for 30 days, then it is deleted too.
import { and, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { pendingCampaignActions } from "~/db/schema/index";

export const unconfirmedHeldDays = 1;
export const confirmedHeldDays = 30;

export async function pruneHeldActions(db: Executor, now: Date): Promise<number> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const rows = await db
    .delete(pendingCampaignActions)
    .where(
      or(
        and(isNull(pendingCampaignActions.confirmedAt), lt(pendingCampaignActions.confirmExpiresAt, daysAgo(unconfirmedHeldDays))),
        and(isNotNull(pendingCampaignActions.confirmedAt), lt(pendingCampaignActions.confirmedAt, daysAgo(confirmedHeldDays))),
      ),
    )
    .returning({ id: pendingCampaignActions.id });
  return rows.length;
}
