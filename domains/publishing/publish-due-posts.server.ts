// The scheduled-publishing sweep: publishes every scheduled post whose time has come. Idempotent
// (a post already published is not touched again), so it runs every minute as a job and once at
// every start: a post whose time came while the server was down goes out at the next start.
import { and, eq, lte } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { posts } from "~/db/schema/index";
import { announceContentChanged } from "~/domains/site/content-changed.server";
import { recordAudit } from "~/platform/audit.server";
import { addCorpusWords } from "./corpus.server";

export async function publishDuePosts(db: Database, now: Date): Promise<{ published: string[] }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .update(posts)
      .set({ status: "published", updatedAt: now })
      .where(and(eq(posts.status, "scheduled"), lte(posts.publishAt, now)))
      .returning({ publicId: posts.publicId, kind: posts.kind, slug: posts.slug, title: posts.title, excerpt: posts.excerpt, body: posts.bodyMarkdown, publishAt: posts.publishAt });
    for (const post of due) {
      await addCorpusWords(tx, post.title, post.excerpt, post.body);
      await recordAudit(tx, null, {
        action: `${post.kind}.publish-scheduled`,
        subjectType: post.kind,
        subjectId: post.publicId,
        details: { slug: post.slug, publishAt: post.publishAt?.toISOString() ?? null },
      });
    }
    if (due.length) await announceContentChanged(tx, "posts:scheduled");
    return { published: due.map((p) => p.slug) };
  });
}
