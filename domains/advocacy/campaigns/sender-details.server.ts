// What a signed-in person's letter form starts with: their name, e-mail, street, city and ZIP, from
// their latest letter (advocacy's own records) or, failing that, their membership application
// (name and ZIP, asked of membership). Only ever called with the address of the session.
import { desc, eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { campaignActions } from "~/db/schema/index";
import { findOwnApplication } from "~/domains/membership/queries.server";

export type SenderDetails = { name: string; email: string; street: string; city: string; zip: string };

export async function senderDetailsOf(db: Executor, email: string): Promise<SenderDetails> {
  const [last] = await db
    .select({ name: campaignActions.name, street: campaignActions.street, city: campaignActions.city, zip: campaignActions.zip })
    .from(campaignActions)
    .where(eq(campaignActions.email, email))
    .orderBy(desc(campaignActions.updatedAt))
    .limit(1);
  if (last) return { ...last, email };
  const application = await findOwnApplication(db, email);
  return { name: application?.name ?? "", email, street: "", city: "", zip: application?.zip ?? "" };
}
