// The mentors as a newsletter audience: approved volunteer physicians (paused ones too: a pause stops
// new matches, not news), as a one-column sub-query the newsletters' recipient query unions with the
// other parts. Only this context reads its tables.
import { eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { mentors, people } from "~/db/schema/index";

export function mentorAddresses(db: Executor) {
  return db.select({ email: people.email }).from(mentors).innerJoin(people, eq(people.id, mentors.personId)).where(eq(mentors.status, "approved"));
}
