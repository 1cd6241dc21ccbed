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

type Row = { id: number; kind: string; slug: string; title: string; publish_at: string | Date | null; headline: string };
/** A matching post or page, ranked, before its snippet is made. */
type Ranked = { id: number; rank: number };

const rowsOf = async <T>(db: Executor, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

const tsqueryOf = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

/** How many published posts and pages match, counted up to maxCounted + 1. */
async function countPosts(db: Executor, q: string): Promise<number> {
  // Counted up to a cap: an exact count of 10,000 matches reads 10,000 stored vectors.
  const [counts] = await rowsOf<{ total: number }>(
    db,
    sql`select count(*)::int as total from (select 1 from posts where status = 'published' and search @@ ${tsqueryOf(q)} limit ${maxCounted + 1}) as found`,
  );
  return counts?.total ?? 0;
}

/**
 * The first `limit` published posts and pages matching the query, best first (without snippets).
 * Hits in the title or summary (`search_head`, small vectors, through its GIN index) are ranked
 * by ts_rank and come first (ranks 1 + their head rank, like the campaigns'); posts that match
 * only in the body follow, newest first (rank 0, so each page of results continues the one
 * before): a walk down the (kind, status, publish_at) index that stops at the `limit`-th match
 * when matches are common, the GIN index when they are rare (the planner picks), so a common word
 * in 10,000 bodies never makes PostgreSQL rank or sort 10,000 full texts.
 */
async function rankPosts(db: Executor, q: string, limit: number): Promise<Ranked[]> {
  const tsq = tsqueryOf(q);
  const head = await rowsOf<Ranked>(
    db,
    sql`select id, 1 + ts_rank(search_head, ${tsq}) as rank from posts where status = 'published' and search_head @@ ${tsq} order by rank desc, publish_at desc nulls last, id desc limit ${limit}`,
  );
  if (head.length >= limit) return head.map((r) => ({ id: Number(r.id), rank: Number(r.rank) }));
  const n = limit - head.length;
  // One ordered walk per kind (posts, pages): each follows the index order (publish_at, then id
  // by an incremental sort), so it stops at the limit. Published rows always have a publish_at.
  const bodyOnly = (kind: "post" | "page") =>
    sql`(select id, publish_at from posts where kind = ${kind} and status = 'published' and search @@ ${tsq} and not (search_head @@ ${tsq}) order by publish_at desc, id desc limit ${n})`;
  const body = await rowsOf<Ranked>(db, sql`select id, 0 as rank from (${bodyOnly("post")} union all ${bodyOnly("page")}) as found order by publish_at desc nulls last, id desc limit ${n}`);
  return [...head, ...body].map((r) => ({ id: Number(r.id), rank: Number(r.rank) }));
}

/** The hits of the given posts and pages, with their snippets: made for one page of results only. */
async function postHits(db: Executor, q: string, chosen: Ranked[]): Promise<Map<number, SearchHit>> {
  if (chosen.length === 0) return new Map();
  const ids = sql.join(
    chosen.map((r) => sql`${r.id}`),
    sql`, `,
  );
  const rows = await rowsOf<Row>(
    db,
    sql`select id, kind, slug, title, publish_at, ts_headline('english', excerpt || ' … ' || body_markdown, ${tsqueryOf(q)}, ${headlineOptions}) as headline from posts where id in (${ids})`,
  );
  const rankOf = new Map(chosen.map((c) => [c.id, c.rank]));
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        kind: r.kind === "page" ? ("page" as const) : ("post" as const),
        path: r.kind === "page" ? `/pages/${r.slug}` : `/news/${r.slug}`,
        title: r.title,
        snippet: snippetParts(r.headline),
        publishAt: r.publish_at ? new Date(r.publish_at) : null,
        rank: rankOf.get(Number(r.id)) ?? 0,
      },
    ]),
  );
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
  const checked = words.map((word, i) => ({ word, i })).filter(({ word }) => word.length >= 4 && !/\d/.test(word));
  if (checked.length === 0) return null;
  // One statement for every word: a known word is found by the primary key and skips the
  // trigram search (the gate is evaluated once per word); an unknown one takes its closest word.
  const list = sql.join(
    checked.map(({ word, i }) => sql`(${i}::int, ${word}::text)`),
    sql`, `,
  );
  const rows = await rowsOf<{ i: number; best: string }>(
    db,
    sql`
      select q.i, best.word as best
      from (values ${list}) as q(i, w)
      cross join lateral (
        select word from search_words
        where word % q.w and not exists (select 1 from search_words known where known.word = q.w)
        order by similarity(word, q.w) desc, word
        limit 1) as best`,
  );
  if (rows.length === 0) return null;
  const corrected = [...words];
  for (const r of rows) corrected[Number(r.i)] = r.best;
  return corrected.join(" ");
}

async function searchOnce(db: Executor, q: string, documents: SearchDocument[], page: number, perPage: number) {
  const [total, ranked, others] = await Promise.all([countPosts(db, q), rankPosts(db, q, page * perPage), searchDocuments(db, q, documents)]);
  // Posts and pages, then campaigns and letters, best first (a stable sort: ties keep that order).
  const merged: ({ post: Ranked } | { hit: SearchHit })[] = [...ranked.map((post) => ({ post })), ...others.map((hit) => ({ hit }))];
  const rankOf = (m: (typeof merged)[number]) => ("post" in m ? m.post.rank : m.hit.rank);
  const onPage = merged.sort((a, b) => rankOf(b) - rankOf(a)).slice((page - 1) * perPage, page * perPage);
  const posts = await postHits(
    db,
    q,
    onPage.flatMap((m) => ("post" in m ? [m.post] : [])),
  );
  const hits = onPage.flatMap((m) => ("hit" in m ? [m.hit] : (posts.get(m.post.id) ?? [])));
  return { hits, total: Math.min(total, maxCounted) + others.length, isCapped: total > maxCounted };
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
