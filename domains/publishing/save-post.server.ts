// Saves a post or a page from the console: its text, address, tags, category, feature image and
// publication state, with a revision of what was saved (the last 50 kept), the old address kept
// for a 301 when the slug changes, an audit entry, and the announcement that public pages changed.
import { and, desc, eq, inArray, lt, notInArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database, Executor } from "~/db/client.server";
import { postRevisions, postSlugHistory, postTags, posts, publishingCategories, publishingImages, publishingTags } from "~/db/schema/index";
import { announceContentChanged } from "~/domains/site/content-changed.server";
import type { Actor } from "~/platform/audit.server";
import { recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import { renderMarkdown } from "~/platform/markdown.server";
import { newPublicId } from "~/platform/tokens";
import { addCorpusWords } from "./corpus.server";
import { messages } from "./messages";
import type { PostInput } from "./publishing.schema";
import { tagNamesOf } from "./publishing.schema";
import type { PostKind } from "./queries.server";
import { decidePublication, excerptFrom, maxRevisionsPerPost, slugify } from "./rules";

export type SavePostCommand = {
  db: Database;
  actor: Actor;
  kind: PostKind;
  /** The post to change; absent for a new one. */
  publicId?: string;
  input: PostInput;
  now: Date;
  /** The time zone a typed publication time is read in (the organisation's). */
  timeZone: string;
};

export type SavedPost = { publicId: string; slug: string; status: "draft" | "scheduled" | "published"; publishAt: Date | null };

export function parseLocalTime(value: string, timeZone: string): Date | null {
  if (!value) return null;
  const parsed = DateTime.fromISO(value.replace(" ", "T"), { zone: timeZone });
  if (!parsed.isValid) throw new AppError("VALIDATION", messages.publishAtInvalid, { publishAt: messages.publishAtInvalid });
  return parsed.toJSDate();
}

async function categoryIdFor(tx: Executor, name: string): Promise<number | null> {
  const slug = slugify(name);
  if (!slug) return null;
  const [existing] = await tx.select({ id: publishingCategories.id }).from(publishingCategories).where(eq(publishingCategories.slug, slug)).limit(1);
  if (existing) return existing.id;
  const [created] = await tx.insert(publishingCategories).values({ slug, name }).returning({ id: publishingCategories.id });
  return created!.id;
}

async function tagIdsFor(tx: Executor, names: string[]): Promise<number[]> {
  const wanted = names.map((name) => ({ name, slug: slugify(name) })).filter((t) => t.slug);
  if (wanted.length === 0) return [];
  await tx.insert(publishingTags).values(wanted).onConflictDoNothing();
  const rows = await tx
    .select({ id: publishingTags.id })
    .from(publishingTags)
    .where(
      inArray(
        publishingTags.slug,
        wanted.map((t) => t.slug),
      ),
    );
  return rows.map((r) => r.id);
}

/** Keeps what was saved as a revision and deletes the oldest beyond the cap. */
export async function keepRevision(tx: Executor, postId: number, text: { title: string; excerpt: string; bodyMarkdown: string }, actor: Actor | null): Promise<void> {
  await tx.insert(postRevisions).values({ postId, ...text, savedBy: actor?.personId ?? null, savedByEmail: actor?.email ?? null });
  const keep = await tx.select({ id: postRevisions.id }).from(postRevisions).where(eq(postRevisions.postId, postId)).orderBy(desc(postRevisions.id)).limit(maxRevisionsPerPost);
  const oldestKept = keep[keep.length - 1]?.id;
  if (keep.length === maxRevisionsPerPost && oldestKept !== undefined) {
    await tx.delete(postRevisions).where(and(eq(postRevisions.postId, postId), lt(postRevisions.id, oldestKept)));
  }
}

export async function savePost({ db, actor, kind, publicId, input, now, timeZone }: SavePostCommand): Promise<SavedPost> {
  const requestedAt = parseLocalTime(input.publishAt, timeZone);
  const slug =
    input.slug ||
    slugify(input.title) ||
    `${kind}-${newPublicId()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")}`;
  const excerpt = input.excerpt || excerptFrom(input.body);
  return db.transaction(async (tx) => {
    const [current] = publicId
      ? await tx
          .select()
          .from(posts)
          .where(and(eq(posts.publicId, publicId), eq(posts.kind, kind)))
          .limit(1)
      : [];
    if (publicId && !current) throw new AppError("NOT_FOUND", messages.noSuchPost);
    const [clash] = await tx
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.kind, kind), eq(posts.slug, slug)))
      .limit(1);
    if (clash && clash.id !== current?.id) {
      const message = kind === "post" ? messages.slugTaken : messages.pageSlugTaken;
      throw new AppError("CONFLICT", message, { slug: message });
    }
    let featureImageId: number | null = null;
    if (input.featureImage) {
      const [image] = await tx.select({ id: publishingImages.id }).from(publishingImages).where(eq(publishingImages.publicId, input.featureImage)).limit(1);
      if (!image) throw new AppError("VALIDATION", messages.noSuchImage, { featureImage: messages.noSuchImage });
      if (!input.featureImageAlt) throw new AppError("VALIDATION", messages.featureAltRequired, { featureImageAlt: messages.featureAltRequired });
      featureImageId = image.id;
    }
    const intent = input.intent === "preview" ? "draft" : input.intent;
    const publication = decidePublication(intent, requestedAt, current ? { status: current.status, publishAt: current.publishAt } : null, now);
    const values = {
      slug,
      title: input.title,
      excerpt,
      bodyMarkdown: input.body,
      bodyHtml: renderMarkdown(input.body),
      status: publication.status,
      publishAt: publication.publishAt,
      categoryId: kind === "post" ? await categoryIdFor(tx, input.category) : null,
      featureImageId,
      featureImageAlt: featureImageId ? input.featureImageAlt : "",
      updatedAt: now,
    };
    let postId: number;
    let savedPublicId: string;
    if (current) {
      await tx.update(posts).set(values).where(eq(posts.id, current.id));
      postId = current.id;
      savedPublicId = current.publicId;
      if (current.slug !== slug) {
        await tx
          .insert(postSlugHistory)
          .values({ kind, slug: current.slug, postId })
          .onConflictDoUpdate({ target: [postSlugHistory.kind, postSlugHistory.slug], set: { postId, createdAt: now } });
      }
    } else {
      savedPublicId = newPublicId();
      const [created] = await tx
        .insert(posts)
        .values({ ...values, publicId: savedPublicId, kind, authorId: actor.personId, createdAt: now })
        .returning({ id: posts.id });
      postId = created!.id;
    }
    // The new address is this post's now: an old slug of any post that pointed here is let go.
    await tx.delete(postSlugHistory).where(and(eq(postSlugHistory.kind, kind), eq(postSlugHistory.slug, slug)));
    const tagIds = kind === "post" ? await tagIdsFor(tx, tagNamesOf(input.tags)) : [];
    await tx.delete(postTags).where(tagIds.length ? and(eq(postTags.postId, postId), notInArray(postTags.tagId, tagIds)) : eq(postTags.postId, postId));
    if (tagIds.length) {
      await tx
        .insert(postTags)
        .values(tagIds.map((tagId) => ({ postId, tagId })))
        .onConflictDoNothing();
    }
    await keepRevision(tx, postId, { title: input.title, excerpt, bodyMarkdown: input.body }, actor);
    if (publication.status === "published") await addCorpusWords(tx, input.title, excerpt, input.body);
    await recordAudit(tx, actor, {
      action: current ? `${kind}.update` : `${kind}.create`,
      subjectType: kind,
      subjectId: savedPublicId,
      details: {
        slug,
        title: input.title,
        status: publication.status,
        publishAt: publication.publishAt?.toISOString() ?? null,
        ...(current && current.slug !== slug ? { oldSlug: current.slug } : {}),
      },
    });
    if (publication.status === "published" || current?.status === "published") await announceContentChanged(tx, `${kind}:${slug}`);
    return { publicId: savedPublicId, slug, status: publication.status, publishAt: publication.publishAt };
  });
}

/** Deletes a post or page (its revisions, tags and old addresses go with it). */
export async function deletePost({ db, actor, publicId }: { db: Database; actor: Actor; publicId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(posts).where(eq(posts.publicId, publicId)).returning({ kind: posts.kind, slug: posts.slug, title: posts.title, status: posts.status });
    if (!gone) throw new AppError("NOT_FOUND", messages.noSuchPost);
    await recordAudit(tx, actor, { action: `${gone.kind}.delete`, subjectType: gone.kind, subjectId: publicId, details: { slug: gone.slug, title: gone.title } });
    if (gone.status === "published") await announceContentChanged(tx, `${gone.kind}:${gone.slug}`);
  });
}

/** How many posts are waiting for their time (the console shows it beside the sweep). */
export async function countScheduled(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(posts).where(eq(posts.status, "scheduled"));
  return row?.n ?? 0;
}
