// Site search: PostgreSQL full-text search over published posts and pages (the stored, weighted
// `search` column: title A, excerpt B, body C, so a title hit outranks a body hit) and over the
// open campaigns handed in by the caller (advocacy owns them), ranked with ts_rank and shown with
// ts_headline snippets. A misspelled word is corrected through trigram similarity against the
// words of the corpus (search_words, pg_trgm): "Did you mean …?", and when the query as typed
// finds nothing, the results of the correction. The same SQL runs on PGlite and PostgreSQL.
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { addCorpusWords } from "./corpus.server";
import { postsPerPage, queryWords } from "./rules";

export type SearchDocument = { kind: "campaign" | "letter"; path: string; title: string; summary: string };

/** A snippet as parts, the matched words marked: the page renders them as text, never as HTML. */
export type SnippetPart = { text: string; hit: boolean };

export type SearchHit = { kind: "post" | "page" | "campaign" | "letter"; path: string; title: string; snippet: SnippetPart[]; publishAt: Date | null; rank: number };

export type SearchResult = {
  query: string;
  /** The query the hits are for: the typed one, or its correction when the typed one found nothing. */
  searchedFor: string;
  hits: SearchHit[];
  total: number;
  /** A corrected query to offer ("Did you mean …?"), when some word looks misspelled. */
  suggestion: string | null;
  /** More matched than were counted (maxCounted): `total` is a floor. */
  isCapped: boolean;
};

export const maxQueryLength = 200;
/** Matches are counted up to this many; past it the page says "more than 1,000". */
export const maxCounted = 1000;
const open = "\u0001";
const close = "\u0002";
const headlineOptions = `StartSel=${open}, StopSel=${close}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const piece of headline.split(open)) {
    const end = piece.indexOf(close);
    if (end === -1) {
      if (piece) parts.push({ text: piece, hit: false });
      continue;
    }
    parts.push({ text: piece.slice(0, end), hit: true });
    if (end + 1 < piece.length) parts.push({ text: piece.slice(end + 1), hit: false });
  }
  // Markdown marks read as noise in a snippet.
  return parts.map((p) => ({
    ...p,
    text: p.text
      .replace(/[#*_`>]+/g, "")
      .replace(/\]\([^)]*\)/g, "")
      .replace(/[[\]]/g, ""),
  }));
}

type Row = { id: number; kind: string; slug: string; title: string; publish_at: string | Date | null; rank: number; headline: string };
type Ranked = { id: number; rank: number };

const rowsOf = async <T>(db: Executor, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * The first `limit` published posts and pages matching the query, best first, and how many match.
 * Hits in the title or summary (`search_head`, small vectors) are ranked by ts_rank and come first;
 * posts that match only in the body follow, newest first, so a common word in 10,000 bodies never
 * makes PostgreSQL rank 10,000 full texts. Snippets are made for the returned rows only.
 */
async function searchPosts(db: Executor, q: string, limit: number): Promise<{ hits: SearchHit[]; total: number }> {
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  // Counted up to a cap: an exact count of 10,000 matches reads 10,000 stored vectors (0.35 s).
  const [counts] = await rowsOf<{ total: number }>(db, sql`select count(*)::int as total from (select 1 from posts where status = 'published' and search @@ ${tsq} limit ${maxCounted + 1}) as found`);
  const total = counts?.total ?? 0;
  if (total === 0) return { hits: [], total };
  const head = await rowsOf<Ranked>(
    db,
    sql`select id, ts_rank(search_head, ${tsq}) as rank from posts where status = 'published' and search_head @@ ${tsq} order by rank desc, publish_at desc nulls last, id desc limit ${limit}`,
  );
  const body =
    head.length < limit
      ? await rowsOf<Ranked>(
          db,
          sql`select id, 0 as rank from posts where status = 'published' and search @@ ${tsq} and not (search_head @@ ${tsq}) order by publish_at desc nulls last, id desc limit ${limit - head.length}`,
        )
      : [];
  const chosen = [...head, ...body];
  if (chosen.length === 0) return { hits: [], total };
  const ids = sql.join(
    chosen.map((r) => sql`${r.id}`),
    sql`, `,
  );
  const rows = await rowsOf<Row>(
    db,
    sql`select id, kind, slug, title, publish_at, ts_rank(search, ${tsq}) as rank, ts_headline('english', excerpt || ' … ' || body_markdown, ${tsq}, ${headlineOptions}) as headline from posts where id in (${ids})`,
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  // Title and summary hits keep their place ahead of body hits (ranks 1 + their head rank; body hits their full-text rank, below 1).
  const hits = chosen.flatMap((c, i) => {
    const r = byId.get(Number(c.id));
    if (!r) return [];
    const rank = i < head.length ? 1 + Number(c.rank) : Math.min(0.99, Number(r.rank));
    return [
      {
        kind: r.kind === "page" ? ("page" as const) : ("post" as const),
        path: r.kind === "page" ? `/pages/${r.slug}` : `/news/${r.slug}`,
        title: r.title,
        snippet: snippetParts(r.headline),
        publishAt: r.publish_at ? new Date(r.publish_at) : null,
        rank,
      },
    ];
  });
  return { total, hits };
}

async function searchDocuments(db: Executor, q: string, documents: SearchDocument[]): Promise<SearchHit[]> {
  if (documents.length === 0) return [];
  const values = sql.join(
    documents.map((d, i) => sql`(${i}::int, ${d.title}::text, ${d.summary}::text)`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    with query as (select websearch_to_tsquery('english', ${q}) as tsq),
    docs as (
      select i, title, summary, setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B') as doc
      from (values ${values}) as d(i, title, summary)
    )
    select i, ts_rank(doc, query.tsq) as rank, ts_headline('english', summary, query.tsq, ${headlineOptions}) as headline
    from docs, query where doc @@ query.tsq`)) as unknown as { rows: { i: number; rank: number; headline: string }[] };
  return result.rows.map((r) => {
    const d = documents[Number(r.i)]!;
    return { kind: d.kind, path: d.path, title: d.title, snippet: snippetParts(r.headline), publishAt: null, rank: 1 + Number(r.rank) };
  });
}

/** The corrected query, when some word of it is not in the corpus but a similar one is; else null. */
export async function suggestSpelling(db: Executor, q: string): Promise<string | null> {
  const words = queryWords(q);
  let changed = false;
  const corrected: string[] = [];
  for (const word of words) {
    if (word.length < 4 || /\d/.test(word)) {
      corrected.push(word);
      continue;
    }
    const result = (await db.execute(sql`
      select word, word = ${word} as known from search_words
      where word = ${word} or word % ${word}
      order by (word = ${word}) desc, similarity(word, ${word}) desc, word
      limit 1`)) as unknown as { rows: { word: string; known: boolean }[] };
    const best = result.rows[0];
    if (best && !best.known) {
      corrected.push(best.word);
      changed = true;
    } else corrected.push(word);
  }
  return changed ? corrected.join(" ") : null;
}

async function searchOnce(db: Executor, q: string, documents: SearchDocument[], page: number, perPage: number) {
  const [posts, others] = await Promise.all([searchPosts(db, q, page * perPage), searchDocuments(db, q, documents)]);
  const merged = [...posts.hits, ...others].sort((a, b) => b.rank - a.rank);
  const isCapped = posts.total > maxCounted;
  return { hits: merged.slice((page - 1) * perPage, page * perPage), total: Math.min(posts.total, maxCounted) + others.length, isCapped };
}

export async function searchSite(db: Executor, input: { q: string; page: number; documents?: SearchDocument[]; perPage?: number }): Promise<SearchResult> {
  const query = input.q.trim().slice(0, maxQueryLength);
  const perPage = input.perPage ?? postsPerPage;
  const documents = input.documents ?? [];
  if (!query) return { query, searchedFor: query, hits: [], total: 0, suggestion: null, isCapped: false };
  const [found, suggestion] = await Promise.all([searchOnce(db, query, documents, input.page, perPage), suggestSpelling(db, query)]);
  if (found.total === 0 && suggestion) {
    const corrected = await searchOnce(db, suggestion, documents, input.page, perPage);
    return { query, searchedFor: suggestion, ...corrected, suggestion };
  }
  return { query, searchedFor: query, ...found, suggestion };
}

/** Adds the words of documents other contexts own (the campaigns) to the spelling corpus. */
export async function addDocumentWords(db: Executor, documents: SearchDocument[]): Promise<void> {
  await addCorpusWords(db, ...documents.map((d) => `${d.title} ${d.summary}`));
}
