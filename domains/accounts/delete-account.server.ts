// Deleting one's own account, confirmed by e-mail: the account, its sessions and roles go; the
// other contexts forget the person (membership keeps anonymous statistics only with consent).
// The audit log keeps its entries (it is append-only, and records who did what), but the address
// in them is replaced by a pseudonym, the same for all of this person's entries.
import { and, eq, gt } from "drizzle-orm";
import { people } from "~/db/schema/index";
import type { Services } from "~/platform/services";
import { forgetSigner } from "~/domains/advocacy/open-letters/open-letters.server";
import { forgetLetterWriter } from "~/domains/advocacy/person-data.server";
import { forgetSubscriber } from "~/domains/email/manage-subscription.server";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { confirmDeletionMail } from "~/domains/email/templates";
import { hashToken, newToken } from "~/platform/tokens";
import { forgetMember } from "~/domains/membership/member-data.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { newAuditPseudonym, pseudonymiseAuditEmail, recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";

const validMs = 24 * 3_600_000;

export async function requestAccountDeletion({ db, jobs, clock, appUrl, mailFrom, actor }: Services & { actor: Actor }): Promise<void> {
  const token = newToken();
  const { organisation } = await getSiteSettings(db);
  await db.transaction(async (tx) => {
    await tx
      .update(people)
      .set({ deletionTokenHash: hashToken(token), deletionRequestedAt: clock() })
      .where(eq(people.id, actor.personId));
    const mail = confirmDeletionMail({ orgName: organisation.name, link: `${appUrl}/account/delete?token=${token}` });
    await queueEmail(tx, jobs, { template: "accounts.confirm-deletion", to: actor.email, from: senderAddress(mailFrom, organisation), ...mail });
  });
}

export async function findDeletionRequest(db: Services["db"], token: string, now: Date) {
  const [person] = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(and(eq(people.deletionTokenHash, hashToken(token)), gt(people.deletionRequestedAt, new Date(now.getTime() - validMs))))
    .limit(1);
  return person ?? null;
}

/** Deletes the account the token belongs to; false when the link is unknown, used or expired. */
export async function confirmAccountDeletion({ db, clock, token, ip }: Pick<Services, "db" | "clock"> & { token: string; ip: string | null }): Promise<boolean> {
  const now = clock();
  const person = await findDeletionRequest(db, token, now);
  if (!person) return false;
  await db.transaction(async (tx) => {
    await forgetMember(tx, { personId: person.id, email: person.email }, now);
    await forgetSubscriber(tx, person.email);
    await forgetSigner(tx, person.email);
    await forgetLetterWriter(tx, person.email);
    const pseudonym = newAuditPseudonym();
    await tx.delete(people).where(eq(people.id, person.id)); // sessions, roles and second factor go with it (cascade)
    await pseudonymiseAuditEmail(tx, person.email, pseudonym);
    await recordAudit(tx, { personId: person.id, email: pseudonym, ip }, { action: "person.delete-own-account", subjectType: "person", subjectId: String(person.id) });
  });
  return true;
}
