// The open campaigns and open letters the site search covers: advocacy owns them, so they are
// read through its published queries (kept five seconds per process) and handed to the search;
// their words are added to the spelling corpus the first time this process sees them.
import type { Database } from "~/db/client.server";
import { listLegislatorCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { listOpenLetters } from "~/domains/advocacy/open-letters/open-letters.server";
import { addDocumentWords } from "~/domains/publishing/search.server";
import type { SearchDocument } from "~/domains/publishing/search.server";
import { shortMemoPerDatabase } from "~/platform/short-memo";

const memo = shortMemoPerDatabase<SearchDocument[]>(5_000);
/** The documents whose words this process has added to the spelling corpus already. */
const worded = new Set<string>();

export function openCampaignDocuments(db: Database, now: Date): Promise<SearchDocument[]> {
  return memo.get(db, "documents", now, async () => {
    const today = now.toISOString().slice(0, 10);
    const [campaigns, letters] = await Promise.all([listLegislatorCampaigns(db), listOpenLetters(db)]);
    const documents: SearchDocument[] = [
      ...campaigns
        .filter((c) => (!c.startsOn || c.startsOn <= today) && (!c.endsOn || c.endsOn >= today))
        .map((c) => ({ kind: "campaign" as const, path: `/act/${c.slug}`, title: c.title, summary: c.summary })),
      ...letters.map((l) => ({ kind: "letter" as const, path: `/letters/${l.slug}`, title: l.title, summary: l.summary })),
    ];
    // Their words join the corpus of "Did you mean …?" (an insert that skips known words).
    const fresh = documents.filter((d) => !worded.has(`${d.path}\n${d.title}\n${d.summary}`));
    if (fresh.length) {
      await addDocumentWords(db, fresh);
      for (const d of fresh) worded.add(`${d.path}\n${d.title}\n${d.summary}`);
    }
    return documents;
  });
}
