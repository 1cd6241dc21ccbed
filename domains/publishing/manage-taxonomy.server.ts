// Tags and categories in the console: create, rename, merge one into another, delete. Each answer
// says how many posts it touched; every change is audited and refreshes the public pages.
import { eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { postTags, posts, publishingCategories, publishingTags } from "~/db/schema/index";
import { announceContentChanged } from "~/domains/site/content-changed.server";
import type { Actor } from "~/platform/audit.server";
import { recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import { messages } from "./messages";
import type { TaxonomyInput } from "./publishing.schema";
import { slugify } from "./rules";

export async function manageTaxonomy({ db, actor, input }: { db: Database; actor: Actor; input: TaxonomyInput }): Promise<{ postsAffected: number }> {
  const table = input.kind === "tag" ? publishingTags : publishingCategories;
  const missing = input.kind === "tag" ? messages.noSuchTag : messages.noSuchCategory;
  return db.transaction(async (tx) => {
    const find = async (slug: string) => (await tx.select().from(table).where(eq(table.slug, slug)).limit(1))[0] ?? null;
    const postsOf = async (id: number) =>
      input.kind === "tag"
        ? (await tx.select({ postId: postTags.postId }).from(postTags).where(eq(postTags.tagId, id))).length
        : (await tx.select({ id: posts.id }).from(posts).where(eq(posts.categoryId, id))).length;
    let postsAffected = 0;
    if (input.intent === "create") {
      if (!input.name) throw new AppError("VALIDATION", messages.nameRequired, { name: messages.nameRequired });
      const slug = slugify(input.name);
      if (!slug || (await find(slug))) throw new AppError("CONFLICT", messages.nameTaken, { name: messages.nameTaken });
      await tx.insert(table).values({ slug, name: input.name });
    } else {
      const item = await find(input.slug);
      if (!item) throw new AppError("NOT_FOUND", missing);
      postsAffected = await postsOf(item.id);
      if (input.intent === "rename") {
        if (!input.name) throw new AppError("VALIDATION", messages.nameRequired, { name: messages.nameRequired });
        const slug = slugify(input.name);
        const other = slug ? await find(slug) : null;
        if (!slug || (other && other.id !== item.id)) throw new AppError("CONFLICT", messages.nameTaken, { name: messages.nameTaken });
        await tx.update(table).set({ name: input.name, slug }).where(eq(table.id, item.id));
      } else if (input.intent === "merge") {
        const into = await find(input.into);
        if (!into) throw new AppError("VALIDATION", missing, { into: missing });
        if (into.id === item.id) throw new AppError("VALIDATION", messages.mergeIntoItself, { into: messages.mergeIntoItself });
        if (input.kind === "tag") {
          await tx.execute(sql`insert into post_tags (post_id, tag_id) select post_id, ${into.id} from post_tags where tag_id = ${item.id} on conflict do nothing`);
        } else {
          await tx.update(posts).set({ categoryId: into.id }).where(eq(posts.categoryId, item.id));
        }
        await tx.delete(table).where(eq(table.id, item.id));
      } else {
        await tx.delete(table).where(eq(table.id, item.id));
      }
    }
    await recordAudit(tx, actor, {
      action: `${input.kind}.${input.intent}`,
      subjectType: input.kind,
      subjectId: input.slug || slugify(input.name),
      details: { name: input.name || undefined, into: input.into || undefined, postsAffected },
    });
    await announceContentChanged(tx, `${input.kind}s`);
    return { postsAffected };
  });
}
