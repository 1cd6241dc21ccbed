// The application staff should look at next: the oldest one still waiting for review.
import { and, asc, eq, ne } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { applications } from "~/db/schema/index";

/** The public id of the oldest application waiting for review, other than `exceptPublicId`; null when none waits. */
export async function findNextWaitingApplication(db: Executor, exceptPublicId?: string): Promise<string | null> {
  const [row] = await db
    .select({ publicId: applications.publicId })
    .from(applications)
    .where(and(eq(applications.status, "awaiting-review"), exceptPublicId ? ne(applications.publicId, exceptPublicId) : undefined))
    .orderBy(asc(applications.id))
    .limit(1);
  return row?.publicId ?? null;
}
