// The open campaigns and open letters the site search covers: advocacy owns them, so they are
// read through its published queries (kept five seconds per process) and handed to the search.
import type { Database } from "~/db/client.server";
import { listLegislatorCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { listOpenLetters } from "~/domains/advocacy/open-letters/open-letters.server";
import type { SearchDocument } from "~/domains/publishing/search.server";
import { shortMemoPerDatabase } from "~/platform/short-memo";

const memo = shortMemoPerDatabase<SearchDocument[]>(5_000);

export function openCampaignDocuments(db: Database, now: Date): Promise<SearchDocument[]> {
  return memo.get(db, "documents", now, async () => {
    const today = now.toISOString().slice(0, 10);
    const [campaigns, letters] = await Promise.all([listLegislatorCampaigns(db), listOpenLetters(db)]);
    return [
      ...campaigns
        .filter((c) => (!c.startsOn || c.startsOn <= today) && (!c.endsOn || c.endsOn >= today))
        .map((c) => ({ kind: "campaign" as const, path: `/act/${c.slug}`, title: c.title, summary: c.summary })),
      ...letters.map((l) => ({ kind: "letter" as const, path: `/letters/${l.slug}`, title: l.title, summary: l.summary })),
    ];
  });
}
