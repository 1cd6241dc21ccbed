// Seeds a new database once with the starter content; a second run (or a restart) changes nothing.
import { sql } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { figures, pages, settings } from "~/db/schema/index";
import { readStarterFigures, starterOfficeHours, starterOrganisation, starterPages } from "./starter-content";

export async function seedStarterContent(db: Database): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    const marker = await tx.insert(settings).values({ key: "starter_content_seeded_at", value: sql`to_jsonb(now())` }).onConflictDoNothing().returning({ key: settings.key });
    if (marker.length === 0) return { seeded: false };
    await tx
      .insert(settings)
      .values([
        { key: "organisation", value: starterOrganisation },
        { key: "office_hours", value: starterOfficeHours },
      ])
      .onConflictDoNothing();
    await tx.insert(figures).values(readStarterFigures()).onConflictDoNothing();
    await tx.insert(pages).values(starterPages).onConflictDoNothing();
    return { seeded: true };
  });
}

/**
 * Claims a one-time seeding by name: true the first time (in this transaction), false ever after.
 * Another context seeds its own starter content once with it, so staff edits and deletions stay.
 */
export async function claimStarterSeeding(tx: Executor, name: string): Promise<boolean> {
  const marker = await tx
    .insert(settings)
    .values({ key: `${name}_seeded_at`, value: sql`to_jsonb(now())` })
    .onConflictDoNothing()
    .returning({ key: settings.key });
  return marker.length > 0;
}
