// A staff person's byline (display name, photo, bio), as readers see it on their posts.
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { publishingAuthors, publishingImages } from "~/db/schema/index";
import { announceContentChanged } from "~/domains/site/content-changed.server";
import type { Actor } from "~/platform/audit.server";
import { recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import { messages } from "./messages";
import type { AuthorInput } from "./publishing.schema";
import { slugify } from "./rules";

export async function updateAuthor({ db, actor, personId, input, now }: { db: Database; actor: Actor; personId: number; input: AuthorInput; now: Date }): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    let photoImageId: number | null = null;
    if (input.photo) {
      const [image] = await tx.select({ id: publishingImages.id }).from(publishingImages).where(eq(publishingImages.publicId, input.photo)).limit(1);
      if (!image) throw new AppError("VALIDATION", messages.noSuchImage, { photo: messages.noSuchImage });
      photoImageId = image.id;
    }
    const [existing] = await tx.select().from(publishingAuthors).where(eq(publishingAuthors.personId, personId)).limit(1);
    let slug = existing?.slug ?? (slugify(input.displayName) || `author-${personId}`);
    if (!existing) {
      const [taken] = await tx.select({ personId: publishingAuthors.personId }).from(publishingAuthors).where(eq(publishingAuthors.slug, slug)).limit(1);
      if (taken) slug = `${slug}-${personId}`;
    }
    const values = { displayName: input.displayName, bio: input.bio, photoImageId, updatedAt: now };
    await tx
      .insert(publishingAuthors)
      .values({ personId, slug, ...values })
      .onConflictDoUpdate({ target: publishingAuthors.personId, set: values });
    await recordAudit(tx, actor, { action: "author.update", subjectType: "author", subjectId: slug, details: { displayName: input.displayName, personId } });
    await announceContentChanged(tx, `author:${slug}`);
    return { slug };
  });
}
