// Pure decisions of publishing: slugs, reading time, related posts, pages of a listing, the
// revision cap, scheduling. No I/O.

/** Every save keeps a revision; the oldest beyond this many are deleted. */
export const maxRevisionsPerPost = 50;
/** Posts on a page of a listing. */
export const postsPerPage = 10;
/** Posts per sitemap file (the protocol allows 50,000; small files keep each one quick to write and read). */
export const sitemapPostsPerFile = 1000;
/** Words a reader reads in a minute (the usual figure for screen reading of prose). */
export const wordsPerMinute = 230;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const maxSlugLength = 80;
/** Slugs that would shadow a listing or a feed under /news. */
export const reservedSlugs = new Set(["tag", "category", "author", "page", "rss.xml", "atom.xml", "feed", "new"]);

/** A slug from a title: lower-case ASCII letters and digits joined by single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxSlugLength)
    .replace(/-+$/g, "");
}

export type SlugProblem = "empty" | "format" | "too-long" | "reserved";

/** Why a slug cannot be used, or null when it can. */
export function slugProblem(slug: string): SlugProblem | null {
  if (slug === "") return "empty";
  if (slug.length > maxSlugLength) return "too-long";
  if (!slugPattern.test(slug)) return "format";
  if (reservedSlugs.has(slug)) return "reserved";
  return null;
}

/** Minutes to read a Markdown text (at least one). */
export function readingMinutes(markdown: string): number {
  const text = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~|-]/g, " ");
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}

export type RelatedCandidate = { id: number; tagIds: number[]; categoryId: number | null; publishAt: Date };

/**
 * The posts related to `post`: most shared tags first, then the same category, then the newest;
 * never the post itself.
 */
export function rankRelated(post: Pick<RelatedCandidate, "id" | "tagIds" | "categoryId">, candidates: RelatedCandidate[], count = 3): number[] {
  const tags = new Set(post.tagIds);
  return candidates
    .filter((c) => c.id !== post.id)
    .map((c) => ({ c, shared: c.tagIds.filter((t) => tags.has(t)).length, sameCategory: post.categoryId !== null && c.categoryId === post.categoryId ? 1 : 0 }))
    .sort((a, b) => b.shared - a.shared || b.sameCategory - a.sameCategory || b.c.publishAt.getTime() - a.c.publishAt.getTime() || b.c.id - a.c.id)
    .slice(0, count)
    .map((r) => r.c.id);
}

/** The page number asked for in a listing's ?page=, 1 when missing or not a positive whole number. */
export function pageNumberOf(value: string | null): number {
  if (!value || !/^[1-9][0-9]{0,5}$/.test(value)) return 1;
  return Number(value);
}

export type Pagination = { page: number; pageCount: number; total: number; hasPrevious: boolean; hasNext: boolean };
export function paginate(total: number, page: number, perPage = postsPerPage): Pagination {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  return { page, pageCount, total, hasPrevious: page > 1, hasNext: page < pageCount };
}

export type PostStatus = "draft" | "scheduled" | "published";

/**
 * The state a save leaves a post in: "publish" with a time still to come schedules it; "publish"
 * now (or with a past time) publishes it, keeping the first publication date when it has one.
 */
export function decidePublication(
  intent: "draft" | "publish" | "unpublish",
  requestedAt: Date | null,
  current: { status: PostStatus; publishAt: Date | null } | null,
  now: Date,
): { status: PostStatus; publishAt: Date | null } {
  if (intent === "unpublish" || intent === "draft") return { status: "draft", publishAt: requestedAt ?? (current?.status === "published" ? current.publishAt : null) };
  if (requestedAt && requestedAt.getTime() > now.getTime()) return { status: "scheduled", publishAt: requestedAt };
  if (requestedAt) return { status: "published", publishAt: requestedAt };
  if (current?.status === "published" && current.publishAt) return { status: "published", publishAt: current.publishAt };
  return { status: "published", publishAt: now };
}

/** A plain excerpt from Markdown when the author wrote none: the first paragraph, at most `max` characters. */
export function excerptFrom(markdown: string, max = 200): string {
  const paragraph =
    markdown
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !p.startsWith("#") && !p.startsWith("![")) ?? "";
  const plain = paragraph
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : max).trim()}…`;
}

/** The words of a text worth suggesting in "Did you mean …?": letters only, 4 to 30 long, lower-case. */
export function corpusWords(text: string): string[] {
  const words = new Set<string>();
  for (const w of text.toLowerCase().split(/[^a-z]+/)) if (w.length >= 4 && w.length <= 30) words.add(w);
  return [...words];
}

/** The query's words, lower-case, for spelling suggestions. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
