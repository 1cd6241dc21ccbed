// Reads the publishing context owns: what readers see (only published posts and pages, never a
// draft, a scheduled post or a revision) and what the staff console lists.
import { and, asc, count, desc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { postRevisions, postSlugHistory, postTags, posts, publishingAuthors, publishingCategories, publishingImages, publishingTags } from "~/db/schema/index";
import type { ImageVariant } from "~/db/schema/index";
import { postsPerPage, rankRelated, readingMinutes, sitemapPostsPerFile } from "./rules";

export type PostKind = "post" | "page";

/** An image as a page shows it: the largest JPEG as src, and srcsets of the variants. */
export type ShownImage = { src: string; srcset: string; webpSrcset: string; width: number; height: number; alt: string };

export const mediaPath = (file: string) => `/media/${file}`;

export function shownImage(image: { variants: ImageVariant[]; width: number; height: number }, alt: string): ShownImage {
  const variants = [...image.variants].sort((a, b) => a.width - b.width);
  const largest = variants[variants.length - 1]!;
  return {
    src: mediaPath(largest.jpeg),
    srcset: variants.map((v) => `${mediaPath(v.jpeg)} ${v.width}w`).join(", "),
    webpSrcset: variants.map((v) => `${mediaPath(v.webp)} ${v.width}w`).join(", "),
    width: largest.width,
    height: largest.height,
    alt,
  };
}

const isPublished = (kind: PostKind) => and(eq(posts.kind, kind), eq(posts.status, "published"));

export type PostSummary = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  publishAt: Date;
  readingMinutes: number;
  category: { slug: string; name: string } | null;
  author: { slug: string; displayName: string } | null;
  image: ShownImage | null;
};

async function summaries(db: Executor, where: SQL | undefined, { limit, offset = 0 }: { limit: number; offset?: number }): Promise<PostSummary[]> {
  const rows = await db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      excerpt: posts.excerpt,
      body: posts.bodyMarkdown,
      publishAt: posts.publishAt,
      categorySlug: publishingCategories.slug,
      categoryName: publishingCategories.name,
      authorSlug: publishingAuthors.slug,
      authorName: publishingAuthors.displayName,
      imageVariants: publishingImages.variants,
      imageWidth: publishingImages.width,
      imageHeight: publishingImages.height,
      imageAlt: posts.featureImageAlt,
    })
    .from(posts)
    .leftJoin(publishingCategories, eq(publishingCategories.id, posts.categoryId))
    .leftJoin(publishingAuthors, eq(publishingAuthors.personId, posts.authorId))
    .leftJoin(publishingImages, eq(publishingImages.id, posts.featureImageId))
    .where(and(isPublished("post"), where))
    .orderBy(desc(posts.publishAt), desc(posts.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    excerpt: r.excerpt,
    publishAt: r.publishAt ?? new Date(0),
    readingMinutes: readingMinutes(r.body),
    category: r.categorySlug && r.categoryName ? { slug: r.categorySlug, name: r.categoryName } : null,
    author: r.authorSlug && r.authorName ? { slug: r.authorSlug, displayName: r.authorName } : null,
    image: r.imageVariants ? shownImage({ variants: r.imageVariants, width: r.imageWidth ?? 0, height: r.imageHeight ?? 0 }, r.imageAlt) : null,
  }));
}

async function countPublished(db: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(posts)
    .where(and(isPublished("post"), where));
  return row?.n ?? 0;
}

export type Listing = { posts: PostSummary[]; total: number };

export type ListingFilter = { tagId?: number; categoryId?: number; authorId?: number };

function filterOf(filter: ListingFilter): SQL | undefined {
  if (filter.tagId !== undefined) return inArray(posts.id, sql`(select ${postTags.postId} from ${postTags} where ${postTags.tagId} = ${filter.tagId})`);
  if (filter.categoryId !== undefined) return eq(posts.categoryId, filter.categoryId);
  if (filter.authorId !== undefined) return eq(posts.authorId, filter.authorId);
  return undefined;
}

/** A page of published posts, newest first, with how many there are in all. */
export async function listPublishedPosts(db: Executor, filter: ListingFilter, page: number, perPage = postsPerPage): Promise<Listing> {
  const where = filterOf(filter);
  const [list, total] = await Promise.all([summaries(db, where, { limit: perPage, offset: (page - 1) * perPage }), countPublished(db, where)]);
  return { posts: list, total };
}

export function latestPosts(db: Executor, n = 3): Promise<PostSummary[]> {
  return summaries(db, undefined, { limit: n });
}

export async function findTag(db: Executor, slug: string) {
  const [tag] = await db.select().from(publishingTags).where(eq(publishingTags.slug, slug)).limit(1);
  return tag ?? null;
}

export async function findCategory(db: Executor, slug: string) {
  const [category] = await db.select().from(publishingCategories).where(eq(publishingCategories.slug, slug)).limit(1);
  return category ?? null;
}

export type AuthorProfile = { personId: number; slug: string; displayName: string; bio: string; photo: ShownImage | null; photoPublicId: string | null };

export async function findAuthor(db: Executor, by: { slug: string } | { personId: number }): Promise<AuthorProfile | null> {
  const [row] = await db
    .select({ author: publishingAuthors, image: publishingImages })
    .from(publishingAuthors)
    .leftJoin(publishingImages, eq(publishingImages.id, publishingAuthors.photoImageId))
    .where("slug" in by ? eq(publishingAuthors.slug, by.slug) : eq(publishingAuthors.personId, by.personId))
    .limit(1);
  if (!row) return null;
  const { author, image } = row;
  return {
    personId: author.personId,
    slug: author.slug,
    displayName: author.displayName,
    bio: author.bio,
    photo: image ? shownImage(image, `Photo of ${author.displayName}`) : null,
    photoPublicId: image?.publicId ?? null,
  };
}

export type PublicPost = {
  id: number;
  kind: PostKind;
  slug: string;
  title: string;
  excerpt: string;
  html: string;
  publishAt: Date;
  updatedAt: Date;
  readingMinutes: number;
  category: { id: number; slug: string; name: string } | null;
  tags: { id: number; slug: string; name: string }[];
  author: AuthorProfile | null;
  image: ShownImage | null;
};

/**
 * A published post or page by its slug; `{ movedTo }` when the slug is an old one of a published
 * post (answered with a 301); null otherwise, also for drafts and scheduled posts.
 */
export async function findPublicPost(db: Executor, kind: PostKind, slug: string): Promise<PublicPost | { movedTo: string } | null> {
  const [row] = await db
    .select({ post: posts, category: publishingCategories, image: publishingImages })
    .from(posts)
    .leftJoin(publishingCategories, eq(publishingCategories.id, posts.categoryId))
    .leftJoin(publishingImages, eq(publishingImages.id, posts.featureImageId))
    .where(and(isPublished(kind), eq(posts.slug, slug)))
    .limit(1);
  if (!row) {
    const [moved] = await db
      .select({ slug: posts.slug })
      .from(postSlugHistory)
      .innerJoin(posts, eq(posts.id, postSlugHistory.postId))
      .where(and(eq(postSlugHistory.kind, kind), eq(postSlugHistory.slug, slug), eq(posts.status, "published")))
      .limit(1);
    return moved && moved.slug !== slug ? { movedTo: moved.slug } : null;
  }
  const { post, category, image } = row;
  const [tags, author] = await Promise.all([
    db
      .select({ id: publishingTags.id, slug: publishingTags.slug, name: publishingTags.name })
      .from(postTags)
      .innerJoin(publishingTags, eq(publishingTags.id, postTags.tagId))
      .where(eq(postTags.postId, post.id))
      .orderBy(asc(publishingTags.name)),
    post.authorId ? findAuthor(db, { personId: post.authorId }) : Promise.resolve(null),
  ]);
  return {
    id: post.id,
    kind: post.kind,
    slug: post.slug,
    title: post.title,
    excerpt: post.excerpt,
    html: post.bodyHtml,
    publishAt: post.publishAt ?? post.createdAt,
    updatedAt: post.updatedAt,
    readingMinutes: readingMinutes(post.bodyMarkdown),
    category: category ? { id: category.id, slug: category.slug, name: category.name } : null,
    tags,
    author,
    image: image ? shownImage(image, post.featureImageAlt) : null,
  };
}

type Neighbour = { slug: string; title: string } | null;

/** The published posts just before and after this one in time (older = previous). */
export async function adjacentPosts(db: Executor, post: { id: number; publishAt: Date }): Promise<{ previous: Neighbour; next: Neighbour }> {
  const at = post.publishAt;
  const older = or(lt(posts.publishAt, at), and(eq(posts.publishAt, at), lt(posts.id, post.id)));
  const newer = or(gt(posts.publishAt, at), and(eq(posts.publishAt, at), gt(posts.id, post.id)));
  const [previous, next] = await Promise.all([
    db
      .select({ slug: posts.slug, title: posts.title })
      .from(posts)
      .where(and(isPublished("post"), older))
      .orderBy(desc(posts.publishAt), desc(posts.id))
      .limit(1),
    db
      .select({ slug: posts.slug, title: posts.title })
      .from(posts)
      .where(and(isPublished("post"), newer))
      .orderBy(asc(posts.publishAt), asc(posts.id))
      .limit(1),
  ]);
  return { previous: previous[0] ?? null, next: next[0] ?? null };
}

/** Three related posts: by shared tags, then the same category, then the newest (rules.ts rankRelated). */
export async function relatedPosts(db: Executor, post: { id: number; tags: { id: number }[]; category: { id: number } | null }, n = 3): Promise<PostSummary[]> {
  const tagIds = post.tags.map((t) => t.id);
  const sharesTag = tagIds.length ? inArray(posts.id, sql`(select ${postTags.postId} from ${postTags} where ${inArray(postTags.tagId, tagIds)})`) : undefined;
  const sameCategory = post.category ? eq(posts.categoryId, post.category.id) : undefined;
  const candidateRows = async (where: SQL | undefined, limit: number) =>
    db
      .select({ id: posts.id, categoryId: posts.categoryId, publishAt: posts.publishAt })
      .from(posts)
      .where(and(isPublished("post"), where))
      .orderBy(desc(posts.publishAt), desc(posts.id))
      .limit(limit);
  const [near, newest] = await Promise.all([sharesTag || sameCategory ? candidateRows(or(sharesTag, sameCategory), 200) : Promise.resolve([]), candidateRows(undefined, n + 1)]);
  const byId = new Map([...near, ...newest].map((r) => [r.id, r]));
  const ids = [...byId.keys()];
  const tagRows = ids.length ? await db.select().from(postTags).where(inArray(postTags.postId, ids)) : [];
  const candidates = [...byId.values()].map((r) => ({
    id: r.id,
    categoryId: r.categoryId,
    publishAt: r.publishAt ?? new Date(0),
    tagIds: tagRows.filter((t) => t.postId === r.id).map((t) => t.tagId),
  }));
  const chosen = rankRelated({ id: post.id, tagIds, categoryId: post.category?.id ?? null }, candidates, n);
  if (chosen.length === 0) return [];
  const found = await summaries(db, inArray(posts.id, chosen), { limit: n });
  return chosen.map((id) => found.find((p) => p.id === id)).filter((p): p is PostSummary => p !== undefined);
}

/** Published posts with their full HTML, newest first, for feeds. */
export async function feedPosts(db: Executor, filter: ListingFilter, limit = 50) {
  return db
    .select({
      slug: posts.slug,
      title: posts.title,
      excerpt: posts.excerpt,
      html: posts.bodyHtml,
      publishAt: posts.publishAt,
      updatedAt: posts.updatedAt,
      authorName: publishingAuthors.displayName,
      categoryName: publishingCategories.name,
    })
    .from(posts)
    .leftJoin(publishingAuthors, eq(publishingAuthors.personId, posts.authorId))
    .leftJoin(publishingCategories, eq(publishingCategories.id, posts.categoryId))
    .where(and(isPublished("post"), filterOf(filter)))
    .orderBy(desc(posts.publishAt), desc(posts.id))
    .limit(limit);
}

/**
 * Every public address this context owns except the posts (they have sitemap files of their own,
 * sitemapPosts): the published pages, and the tags, categories and authors with published posts.
 */
export async function publicAddresses(db: Executor): Promise<{ path: string; updatedAt: Date }[]> {
  const hasPublishedPost = sql`exists (select 1 from ${postTags} join ${posts} on ${posts.id} = ${postTags.postId} where ${postTags.tagId} = ${publishingTags.id} and ${posts.kind} = 'post' and ${posts.status} = 'published')`;
  const [pages, newest, tags, categories, authors] = await Promise.all([
    db.select({ slug: posts.slug, updatedAt: posts.updatedAt }).from(posts).where(isPublished("page")).orderBy(asc(posts.slug)),
    db.select({ updatedAt: posts.updatedAt }).from(posts).where(isPublished("post")).orderBy(desc(posts.publishAt), desc(posts.id)).limit(1),
    db.select({ slug: publishingTags.slug }).from(publishingTags).where(hasPublishedPost).orderBy(asc(publishingTags.slug)),
    db.select({ slug: publishingCategories.slug }).from(publishingCategories).orderBy(asc(publishingCategories.slug)),
    db.select({ slug: publishingAuthors.slug }).from(publishingAuthors).orderBy(asc(publishingAuthors.slug)),
  ]);
  const now = newest[0]?.updatedAt ?? new Date(0);
  return [
    ...pages.map((r) => ({ path: `/pages/${r.slug}`, updatedAt: r.updatedAt })),
    ...tags.map((t) => ({ path: `/news/tag/${t.slug}`, updatedAt: now })),
    ...categories.map((c) => ({ path: `/news/category/${c.slug}`, updatedAt: now })),
    ...authors.map((a) => ({ path: `/news/author/${a.slug}`, updatedAt: now })),
  ];
}

/** How many sitemap files the published posts fill (sitemapPostsPerFile each; none without posts). */
export async function sitemapPostFiles(db: Executor, perFile = sitemapPostsPerFile): Promise<number> {
  const [row] = await db.select({ n: count() }).from(posts).where(isPublished("post"));
  return Math.ceil((row?.n ?? 0) / perFile);
}

/** The files sitemap.xml indexes: the other addresses, then the posts' files. */
export async function sitemapFiles(db: Executor): Promise<{ path: string }[]> {
  const postFiles = await sitemapPostFiles(db);
  return [{ path: "/sitemap-pages.xml" }, ...Array.from({ length: postFiles }, (_, i) => ({ path: i === 0 ? "/sitemap-posts.xml" : `/sitemap-posts.xml?page=${i + 1}` }))];
}

/**
 * The published posts of one sitemap file (1-based), oldest first: a new post joins the last
 * file, so the others keep their contents.
 */
export async function sitemapPosts(db: Executor, file: number, perFile = sitemapPostsPerFile): Promise<{ path: string; updatedAt: Date }[]> {
  const rows = await db
    .select({ slug: posts.slug, updatedAt: posts.updatedAt })
    .from(posts)
    .where(isPublished("post"))
    .orderBy(asc(posts.publishAt), asc(posts.id))
    .limit(perFile)
    .offset((file - 1) * perFile);
  return rows.map((r) => ({ path: `/news/${r.slug}`, updatedAt: r.updatedAt }));
}

/** The published pages (kind "page"), for links in the footer or the sitemap. */
export async function listPublishedPages(db: Executor) {
  return db.select({ slug: posts.slug, title: posts.title }).from(posts).where(isPublished("page")).orderBy(asc(posts.title));
}

// ---- The staff console -------------------------------------------------------------------

export async function listPostsForStaff(db: Executor, kind: PostKind) {
  return db
    .select({ publicId: posts.publicId, slug: posts.slug, title: posts.title, status: posts.status, publishAt: posts.publishAt, updatedAt: posts.updatedAt, authorName: publishingAuthors.displayName })
    .from(posts)
    .leftJoin(publishingAuthors, eq(publishingAuthors.personId, posts.authorId))
    .where(eq(posts.kind, kind))
    .orderBy(desc(posts.updatedAt), desc(posts.id))
    .limit(500);
}

export async function findPostForStaff(db: Executor, publicId: string) {
  const [row] = await db
    .select({ post: posts, categoryName: publishingCategories.name, imagePublicId: publishingImages.publicId, image: publishingImages })
    .from(posts)
    .leftJoin(publishingCategories, eq(publishingCategories.id, posts.categoryId))
    .leftJoin(publishingImages, eq(publishingImages.id, posts.featureImageId))
    .where(eq(posts.publicId, publicId))
    .limit(1);
  if (!row) return null;
  const tags = await db
    .select({ name: publishingTags.name })
    .from(postTags)
    .innerJoin(publishingTags, eq(publishingTags.id, postTags.tagId))
    .where(eq(postTags.postId, row.post.id))
    .orderBy(asc(publishingTags.name));
  const { search: _search, ...post } = row.post;
  return {
    ...post,
    categoryName: row.categoryName ?? "",
    tagNames: tags.map((t) => t.name).join(", "),
    featureImage: row.imagePublicId ?? "",
    featureImageShown: row.image ? shownImage(row.image, row.post.featureImageAlt) : null,
  };
}
export type StaffPost = NonNullable<Awaited<ReturnType<typeof findPostForStaff>>>;

export async function listRevisions(db: Executor, postId: number) {
  return db
    .select({ id: postRevisions.id, title: postRevisions.title, savedByEmail: postRevisions.savedByEmail, createdAt: postRevisions.createdAt })
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.id));
}

export async function findRevision(db: Executor, postId: number, revisionId: number) {
  const [row] = await db
    .select()
    .from(postRevisions)
    .where(and(eq(postRevisions.postId, postId), eq(postRevisions.id, revisionId)))
    .limit(1);
  return row ?? null;
}

/** Tags or categories with how many posts use each (for the console's rename, merge and delete). */
export async function listTaxonomy(db: Executor, kind: "tag" | "category") {
  if (kind === "tag") {
    return db
      .select({ slug: publishingTags.slug, name: publishingTags.name, posts: sql<number>`(select count(*)::int from ${postTags} where ${postTags.tagId} = ${publishingTags.id})` })
      .from(publishingTags)
      .orderBy(asc(publishingTags.name));
  }
  return db
    .select({ slug: publishingCategories.slug, name: publishingCategories.name, posts: sql<number>`(select count(*)::int from ${posts} where ${posts.categoryId} = ${publishingCategories.id})` })
    .from(publishingCategories)
    .orderBy(asc(publishingCategories.name));
}

export async function listImages(db: Executor, limit = 60) {
  const rows = await db.select().from(publishingImages).orderBy(desc(publishingImages.id)).limit(limit);
  return rows.map((r) => ({ publicId: r.publicId, originalName: r.originalName, width: r.width, height: r.height, bytes: r.bytes, variants: r.variants, shown: shownImage(r, r.originalName) }));
}

export async function listAuthors(db: Executor) {
  return db.select().from(publishingAuthors).orderBy(asc(publishingAuthors.displayName));
}
