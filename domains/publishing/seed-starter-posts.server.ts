// Seeds a new site once with the starter posts (domains/publishing/starter-posts.ts), their tags
// and categories; a restart, or a site whose staff deleted them, gets nothing again.
import type { Database } from "~/db/client.server";
import { postTags, posts, publishingCategories, publishingTags } from "~/db/schema/index";
import { claimStarterSeeding } from "~/domains/site/seed-starter-content.server";
import { renderMarkdown } from "~/platform/markdown.server";
import { newPublicId } from "~/platform/tokens";
import { rebuildCorpusWords } from "./corpus.server";
import { slugify } from "./rules";
import { keepRevision } from "./save-post.server";
import { starterCategories, starterPosts } from "./starter-posts";

export async function seedStarterPosts(db: Database, now = new Date()): Promise<{ seeded: number }> {
  return db.transaction(async (tx) => {
    if (!(await claimStarterSeeding(tx, "starter_posts"))) return { seeded: 0 };
    const categories = await tx.insert(publishingCategories).values(starterCategories).onConflictDoNothing().returning();
    const tagNames = [...new Set(starterPosts.flatMap((p) => p.tags))];
    const tags = await tx
      .insert(publishingTags)
      .values(tagNames.map((name) => ({ name, slug: slugify(name) })))
      .onConflictDoNothing()
      .returning();
    let seeded = 0;
    for (const post of starterPosts) {
      const [row] = await tx
        .insert(posts)
        .values({
          publicId: newPublicId(),
          kind: "post",
          slug: post.slug,
          title: post.title,
          excerpt: post.excerpt,
          bodyMarkdown: post.body,
          bodyHtml: renderMarkdown(post.body),
          status: "published",
          publishAt: new Date(now.getTime() - post.daysAgo * 86_400_000),
          categoryId: categories.find((c) => c.slug === post.category)?.id ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: posts.id });
      if (!row) continue;
      seeded++;
      const ids = tags.filter((t) => post.tags.includes(t.name)).map((t) => ({ postId: row.id, tagId: t.id }));
      if (ids.length) await tx.insert(postTags).values(ids).onConflictDoNothing();
      await keepRevision(tx, row.id, { title: post.title, excerpt: post.excerpt, bodyMarkdown: post.body }, null);
    }
    await rebuildCorpusWords(tx);
    return { seeded };
  });
}
