// Restores a revision's text (title, excerpt, body) to its post; the restore is itself saved as a
// new revision, so nothing is lost, and the post keeps its state, address, tags and category.
import { and, eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { postRevisions, posts } from "~/db/schema/index";
import { announceContentChanged } from "~/domains/site/content-changed.server";
import type { Actor } from "~/platform/audit.server";
import { recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import { renderMarkdown } from "~/platform/markdown.server";
import { addCorpusWords } from "./corpus.server";
import { messages } from "./messages";
import { keepRevision } from "./save-post.server";

export async function restoreRevision({ db, actor, publicId, revisionId, now }: { db: Database; actor: Actor; publicId: string; revisionId: number; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const [post] = await tx.select().from(posts).where(eq(posts.publicId, publicId)).limit(1);
    if (!post) throw new AppError("NOT_FOUND", messages.noSuchPost);
    const [revision] = await tx
      .select()
      .from(postRevisions)
      .where(and(eq(postRevisions.id, revisionId), eq(postRevisions.postId, post.id)))
      .limit(1);
    if (!revision) throw new AppError("NOT_FOUND", messages.noSuchRevision);
    const text = { title: revision.title, excerpt: revision.excerpt, bodyMarkdown: revision.bodyMarkdown };
    await tx
      .update(posts)
      .set({ ...text, bodyHtml: renderMarkdown(text.bodyMarkdown), updatedAt: now })
      .where(eq(posts.id, post.id));
    await keepRevision(tx, post.id, text, actor);
    if (post.status === "published") {
      await addCorpusWords(tx, text.title, text.excerpt, text.bodyMarkdown);
      await announceContentChanged(tx, `${post.kind}:${post.slug}`);
    }
    await recordAudit(tx, actor, { action: `${post.kind}.restore-revision`, subjectType: post.kind, subjectId: publicId, details: { revisionId, savedAt: revision.createdAt.toISOString() } });
  });
}
