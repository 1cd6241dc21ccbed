// Retention of sign-in data. A session is kept 7 days after it expired or was ended (so a person
// reviewing "signed in from" on /account, or staff looking into a report, still sees last week's),
// then deleted. A sign-in request (the hashed link and code) is deleted a day after it expired:
// it can never be used again, and its limits are counted elsewhere.
import { lt, or } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { sessions, signInRequests } from "~/db/schema/index";

export const sessionRetentionDays = 7;
export const signInRequestRetentionDays = 1;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

export async function pruneExpiredSignIns(db: Executor, now: Date): Promise<{ sessions: number; signInRequests: number }> {
  const sessionsBefore = daysBefore(now, sessionRetentionDays);
  const gone = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, sessionsBefore), lt(sessions.endedAt, sessionsBefore)))
    .returning({ id: sessions.id });
  const requests = await db
    .delete(signInRequests)
    .where(lt(signInRequests.expiresAt, daysBefore(now, signInRequestRetentionDays)))
    .returning({ id: signInRequests.id });
  return { sessions: gone.length, signInRequests: requests.length };
}
