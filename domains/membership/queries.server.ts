// Reads the membership context owns that other modules and routes share: a person's own application.
import { eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { applications } from "~/db/schema/index";

/** The signed-in person's own application (by their account's e-mail), or null; staff's note is the one e-mailed to them. */
export async function findOwnApplication(db: Executor, email: string) {
  const [row] = await db.select().from(applications).where(eq(applications.email, email)).limit(1);
  if (!row) return null;
  const { updateTokenHash: _token, reviewedBy: _by, ...own } = row;
  return own;
}
