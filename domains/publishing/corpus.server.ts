// The words of the published corpus, kept for spelling suggestions ("Did you mean …?"): every
// publication adds its words; a word left by a deleted post is harmless (it still leads somewhere
// or finds nothing, and the rebuild drops it).
import { sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { searchWords } from "~/db/schema/index";
import { corpusWords } from "./rules";

export async function addCorpusWords(tx: Executor, ...texts: string[]): Promise<void> {
  const words = corpusWords(texts.join(" "));
  for (let i = 0; i < words.length; i += 1000) {
    await tx
      .insert(searchWords)
      .values(words.slice(i, i + 1000).map((word) => ({ word })))
      .onConflictDoNothing();
  }
}

/** Rebuilds the words from the published posts and pages (after deletions or a bulk load). */
export async function rebuildCorpusWords(tx: Executor, extraTexts: string[] = []): Promise<void> {
  await tx.execute(sql`delete from search_words`);
  await tx.execute(sql`
    insert into search_words (word)
    select distinct w from posts, regexp_split_to_table(lower(title || ' ' || excerpt || ' ' || body_markdown), '[^a-z]+') as w
    where status = 'published' and length(w) between 4 and 30
    on conflict do nothing`);
  if (extraTexts.length) await addCorpusWords(tx, ...extraTexts);
}
