// A physician volunteers from /mentors. The answers are held and a single-use link is e-mailed to
// the address (decision 0012); opening it creates the account (or uses the existing one), signs the
// browser in and stores the mentor, awaiting staff approval. A second offer for a proven mentor
// replaces their answers, never their approval.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { heldMentorApplications, type MentorDetails, mentors } from "~/db/schema/index";
import { signInProvenAddress } from "~/domains/accounts/proven-address.server";
import { mentorConfirmMail } from "./mails";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { recordAudit } from "~/platform/audit.server";
import { hitRateLimit } from "~/platform/rate-limit.server";
import type { Services } from "~/platform/services";
import { hashToken, newPublicId, newToken } from "~/platform/tokens";
import type { MentorApplicationInput } from "./mentorship.schema";

export const mentorApplyPerIp = { name: "mentor-apply:ip", limit: 10, windowSeconds: 3600 };
export const mentorMailsPerAddress = { name: "mentor-apply:email", limit: 3, windowSeconds: 3600 };
export const mentorLinkHours = 72;

export type ApplyOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function applyAsMentor(services: Services & { input: MentorApplicationInput; ip: string | null }): Promise<ApplyOutcome> {
  const { db, jobs, clock, appUrl, mailFrom, input, ip } = services;
  const now = clock();
  const limit = await hitRateLimit(db, mentorApplyPerIp, ip ?? "unknown", now);
  if (!limit.allowed) return { ok: false, retryAfterSeconds: limit.retryAfterSeconds };
  // Per address, silently: the page answers the same whether or not a mail went.
  const perAddress = await hitRateLimit(db, mentorMailsPerAddress, input.email, now);
  if (!perAddress.allowed) return { ok: true };
  const { organisation } = await getSiteSettings(db);
  const { email, ...details } = input;
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.insert(heldMentorApplications).values({ email, details, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + mentorLinkHours * 3_600_000), createdAt: now });
    const mail = mentorConfirmMail({ orgName: organisation.name, confirmUrl: `${appUrl}/mentors/confirm?token=${token}`, hours: mentorLinkHours });
    await queueEmail(tx, jobs, { template: "mentorship.confirm-mentor", to: email, from: senderAddress(mailFrom, organisation), ...mail });
  });
  return { ok: true };
}

async function findHeld(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(heldMentorApplications)
    .where(and(eq(heldMentorApplications.tokenHash, hashToken(token)), isNull(heldMentorApplications.usedAt), gt(heldMentorApplications.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** What the link's page shows before the button: the address and the answers it will store. */
export async function findHeldMentorApplication(db: Executor, token: string, now: Date) {
  const row = await findHeld(db, token, now);
  return row ? { email: row.email, details: row.details } : null;
}

export type ConfirmMentorOutcome = { ok: true; sessionToken: string; expiresAt: Date; secondFactorDue: boolean; knownDevice: string } | { ok: false };

export async function confirmMentorApplication(services: Pick<Services, "db" | "clock" | "secretKey"> & { token: string; ip: string | null; userAgent: string | null }): Promise<ConfirmMentorOutcome> {
  const now = services.clock();
  return services.db.transaction(async (tx) => {
    const held = await findHeld(tx, services.token, now);
    if (!held) return { ok: false } as const;
    const used = await tx
      .update(heldMentorApplications)
      .set({ usedAt: now })
      .where(and(eq(heldMentorApplications.id, held.id), isNull(heldMentorApplications.usedAt)))
      .returning({ id: heldMentorApplications.id });
    if (used.length === 0) return { ok: false } as const;
    const signIn = await signInProvenAddress(tx, { email: held.email, name: held.details.name, ip: services.ip, userAgent: services.userAgent, now, secretKey: services.secretKey });
    if (!signIn.ok) return { ok: false } as const;
    const values = detailsColumns(held.details);
    const [mentor] = await tx
      .insert(mentors)
      .values({ publicId: newPublicId(), personId: signIn.personId, ...values, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: mentors.personId, set: { ...values, updatedAt: now } })
      .returning({ publicId: mentors.publicId });
    await recordAudit(tx, { personId: signIn.personId, email: held.email, ip: services.ip }, { action: "mentorship.mentor-offer", subjectType: "mentor", subjectId: mentor.publicId });
    const { personId: _, ok: __, ...session } = signIn;
    return { ok: true, ...session } as const;
  });
}

const detailsColumns = (d: MentorDetails) => ({
  name: d.name,
  specialty: d.specialty,
  boardCertified: d.boardCertified,
  licenceStates: d.licenceStates,
  practiceSetting: d.practiceSetting,
  yearsInPractice: d.yearsInPractice,
  selectionCommittee: d.selectionCommittee,
  languages: d.languages,
  topics: d.topics,
  capacity: d.capacity,
  availability: d.availability,
});
