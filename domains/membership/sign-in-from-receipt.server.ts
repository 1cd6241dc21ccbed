// The receipt's link (a first application, docs/decisions/0020): opening it signs the applicant in
// and proves the address, so a "Keep me updated" ticked on the form subscribes in the same step:
// one e-mail, one click (docs/decisions/0019).
import type { Executor } from "~/db/client.server";
import { findEmailSignInLink, signInWithEmailLink } from "~/domains/accounts/sign-in.server";
import { confirmUpdatesConsent, isUpdatesConsentAwaiting } from "~/domains/email/record-updates-consent.server";
import type { Services } from "~/platform/services";
import { hashToken } from "~/platform/tokens";
import { updatesRefs } from "./submit-application.server";

/** What the link's page shows: whom it signs in, and whether updates come with it (null: used, replaced or expired). */
export async function findReceiptSignIn(db: Executor, token: string, now: Date) {
  const link = await findEmailSignInLink(db, token, now);
  return link ? { email: link.email, keepsUpdated: await isUpdatesConsentAwaiting(db, updatesRefs.signIn(hashToken(token))) } : null;
}

/** The link's button: signs in, and confirms a "Keep me updated" that waited for this link. */
export function signInFromReceipt(services: Pick<Services, "db" | "clock" | "secretKey"> & { token: string; ip: string | null; userAgent: string | null }) {
  const ref = updatesRefs.signIn(hashToken(services.token));
  return signInWithEmailLink({ ...services, whenUsed: (tx) => confirmUpdatesConsent(tx, { clock: services.clock, ref }) });
}
