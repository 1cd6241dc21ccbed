// A member keeps their own application up to date after approval (ZIP, school, exams, training,
// specialties, states, consent). The same schema as the application form; the rules decide
// again and staff see their verdict, but the approval stands; a staff verification of the
// documents is cleared when an answer changed. Audited with the fields changed.
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { applications } from "~/db/schema/index";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { findLegislatorsByZip } from "~/domains/advocacy/legislators/legislator-directory.server";
import type { ApplicationInput } from "./membership.schema";
import { applicationFormValues } from "./profile";
import { renamePerson } from "~/domains/accounts/people.server";
import { applicationValuesOf, eligibilityOf } from "./submit-application.server";

export type ProfileOutcome = { ok: true; changed: string[] } | { ok: false; reason: "no-application" };

export async function updateOwnProfile({ db, actor, input, now }: { db: Database; actor: Actor; input: ApplicationInput; now: Date }): Promise<ProfileOutcome> {
  const place = await findLegislatorsByZip(db, input.zip);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(applications).where(eq(applications.email, actor.email)).limit(1);
    if (!current) return { ok: false, reason: "no-application" } as const;
    const { status: computed, ...values } = applicationValuesOf({ ...input, email: actor.email }, eligibilityOf(input, now), place);
    const before = applicationFormValues(current);
    const after = applicationFormValues({ ...current, ...values, email: actor.email });
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    // Approved or rejected by staff: that decision stands. Otherwise the rules' verdict applies again.
    const status = current.status === "approved" || current.status === "rejected" ? current.status : computed;
    // Staff checked the documents the old answers described: a changed answer needs checking again.
    const verification = changed.length ? { verifiedAt: null, verifiedBy: null } : {};
    await tx
      .update(applications)
      .set({ ...values, ...verification, status, updatedAt: now })
      .where(eq(applications.id, current.id));
    if (values.name !== current.name) await renamePerson(tx, actor.email, values.name); // the account page shows the name they gave
    await recordAudit(tx, actor, { action: "application.profile-update", subjectType: "application", subjectId: current.publicId, details: { fields: changed } });
    return { ok: true, changed } as const;
  });
}
