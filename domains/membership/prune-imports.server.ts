// Retention in membership. An import that was checked (or whose check stopped) and never started
// within a week is cancelled and its uploaded file dropped; finished imports drop their file when
// they finish (import-members.server.ts) and their reports stay, as staff's history. Answers held
// for an applicant's confirmation (docs/decisions/0012) are deleted a day after their link expired.
import { and, inArray, lt } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { memberImports, pendingApplicationChanges } from "~/db/schema/index";

export const abandonedImportDays = 7;

/** Cancels the abandoned imports and drops their files; returns how many. */
export async function pruneAbandonedImports(db: Executor, now: Date): Promise<number> {
  const before = new Date(now.getTime() - abandonedImportDays * 86_400_000);
  const rows = await db
    .update(memberImports)
    .set({ status: "cancelled", csv: null, failure: `Not started within ${abandonedImportDays} days: the file was removed. Upload it again to import it.`, updatedAt: now, finishedAt: now })
    .where(and(inArray(memberImports.status, ["checking", "checked"]), lt(memberImports.updatedAt, before)))
    .returning({ id: memberImports.id });
  return rows.length;
}

/** Deletes held application answers whose link expired more than a day ago; returns how many. */
export async function pruneHeldApplicationChanges(db: Executor, now: Date): Promise<number> {
  const rows = await db
    .delete(pendingApplicationChanges)
    .where(lt(pendingApplicationChanges.expiresAt, new Date(now.getTime() - 86_400_000)))
    .returning({ id: pendingApplicationChanges.id });
  return rows.length;
}
