// Passwordless sign-in. A request e-mails a single-use link (15 minutes) and a 6-digit code.
// Both are bound to the browser that asked (a nonce in its cookie, hashed here): a link opened
// by a mail scanner or on another device signs nobody in; the code typed on the asking page does.
// The answer to a request never says whether the address has an account.
// Limits (docs/decisions/0013-sign-in-limits.md): requests per IP are refused over the limit; per
// address, only the e-mails are capped, so requests from others can flood nobody's mailbox and
// cannot stop the person: a mail already delivered keeps working, and a browser that signed in
// as the person before (known-device cookie) has its own allowance.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { people, signInRequests } from "~/db/schema/index";
import { hitRateLimit, rateLimits } from "~/platform/rate-limit.server";
import type { Services } from "~/platform/services";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { noAccountMail, signInMail } from "~/domains/email/templates";
import { hashToken, newToken } from "~/platform/tokens";
import { getSiteSettings } from "~/domains/site/queries.server";
import { recordAudit } from "~/platform/audit.server";
import { findPersonByEmail } from "./people.server";
import { hasConfirmedSecondFactor } from "./second-factor.server";
import { createSession } from "./sessions.server";
import { isKnownDevice, knownDeviceProof } from "./known-device";
import { maxCodeAttempts, signInValidMinutes } from "./rules";

const hashCode = (code: string, browserHash: string) => createHash("sha256").update(`${browserHash}:${code}`).digest("base64url");

export type RequestSignInOutcome = { ok: true } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export async function requestSignIn({
  db,
  jobs,
  clock,
  appUrl,
  mailFrom,
  secretKey,
  email,
  browserNonce,
  ip,
  knownDevice,
  askedFrom,
}: Services & {
  email: string;
  browserNonce: string;
  ip: string | null;
  knownDevice?: string | null /** host:port the person asked on, when not APP_URL's (the link says so back) */;
  askedFrom?: string | null;
}): Promise<RequestSignInOutcome> {
  const now = clock();
  const perIp = await hitRateLimit(db, rateLimits.signInPerIp, ip ?? "unknown", now);
  if (!perIp.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: perIp.retryAfterSeconds };
  const mailRule = isKnownDevice(secretKey, knownDevice, email, now) ? rateLimits.signInPerAddressKnownDevice : rateLimits.signInPerAddress;
  // Over the cap, the answer is the same and nothing is sent: the mails already sent still work.
  if (!(await hitRateLimit(db, mailRule, email, now)).allowed) return { ok: true };
  const { organisation } = await getSiteSettings(db);
  const from = senderAddress(mailFrom, organisation);
  await db.transaction(async (tx) => {
    const person = await findPersonByEmail(tx, email);
    if (!person) {
      await queueEmail(tx, jobs, { template: "accounts.no-account", to: email, from, ...noAccountMail({ orgName: organisation.name, appUrl }) });
      return;
    }
    if (person.isDisabled) return;
    const token = newToken();
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const browserHash = hashToken(browserNonce);
    await tx.insert(signInRequests).values({
      email,
      tokenHash: hashToken(token),
      codeHash: hashCode(code, browserHash),
      browserHash,
      expiresAt: new Date(now.getTime() + signInValidMinutes * 60_000),
      createdAt: now,
      ip,
    });
    const mail = signInMail({
      orgName: organisation.name,
      link: `${appUrl}/sign-in/verify?token=${token}${askedFrom ? `&from=${encodeURIComponent(askedFrom)}` : ""}`,
      code,
      minutes: signInValidMinutes,
    });
    await queueEmail(tx, jobs, { template: "accounts.sign-in", to: email, from, ...mail });
  });
  return { ok: true };
}

export type CompleteSignInOutcome =
  | { ok: true; sessionToken: string; expiresAt: Date; secondFactorDue: boolean /** The known-device cookie for this browser. */; knownDevice: string }
  | { ok: false; reason: "other-browser" | "expired" | "wrong-code" | "too-many-attempts" | "rate-limited" };

type Completion = Pick<Services, "db" | "clock" | "secretKey"> & { browserNonce: string | null; ip: string | null; userAgent: string | null };

async function startSessionFor(services: Completion, requestId: number, email: string): Promise<CompleteSignInOutcome> {
  const now = services.clock();
  return services.db.transaction(async (tx) => {
    const used = await tx
      .update(signInRequests)
      .set({ usedAt: now })
      .where(and(eq(signInRequests.id, requestId), isNull(signInRequests.usedAt)))
      .returning({ id: signInRequests.id });
    if (used.length === 0) return { ok: false, reason: "expired" } as const;
    const person = await findPersonByEmail(tx, email);
    if (!person || person.isDisabled) return { ok: false, reason: "expired" } as const;
    return openSession(tx, services, person, now);
  });
}

/** A new session for a person who proved their address (a second factor, if set up, is still due). */
async function openSession(tx: Executor, services: Omit<Completion, "browserNonce">, person: { id: number; email: string; publicId: string }, now: Date, via?: string): Promise<CompleteSignInOutcome> {
  const secondFactorDue = await hasConfirmedSecondFactor(tx, person.id);
  const session = await createSession(tx, { personId: person.id, ip: services.ip, userAgent: services.userAgent, now, secondFactorPending: secondFactorDue });
  await recordAudit(
    tx,
    { personId: person.id, email: person.email, ip: services.ip },
    { action: "session.sign-in", subjectType: "person", subjectId: person.publicId, ...(via ? { details: { via } } : {}) },
  );
  const knownDevice = knownDeviceProof(services.secretKey, person.email, now);
  return { ok: true, sessionToken: session.token, expiresAt: session.expiresAt, secondFactorDue, knownDevice } as const;
}

/** How long the sign-in link of an e-mail that proves an address (an applicant's confirmation) works. */
export const emailLinkHours = 72;

/**
 * A single-use link for a mail to this person's address that signs them in when opened
 * (docs/decisions/0020): the mail goes only to the address, so opening it proves the address.
 * Unlike a sign-in request it is not bound to a browser (the person may open it on their phone
 * days later); its page shows whom it signs in and a button, so a mail scanner signs nobody in.
 * A newer link replaces the older one.
 */
export async function issueEmailSignInLink(tx: Executor, personId: number, now: Date): Promise<string> {
  const token = newToken();
  await tx
    .update(people)
    .set({ emailLinkHash: hashToken(token), emailLinkExpiresAt: new Date(now.getTime() + emailLinkHours * 3_600_000) })
    .where(eq(people.id, personId));
  return token;
}

async function personByEmailLink(db: Executor, token: string, now: Date) {
  const [person] = await db
    .select()
    .from(people)
    .where(and(eq(people.emailLinkHash, hashToken(token)), gt(people.emailLinkExpiresAt, now), eq(people.isDisabled, false)))
    .limit(1);
  return person ?? null;
}

/** The address an unused e-mail link signs in, for its page (null when used, replaced or expired). */
export async function findEmailSignInLink(db: Executor, token: string, now: Date): Promise<{ email: string } | null> {
  const person = await personByEmailLink(db, token, now);
  return person ? { email: person.email } : null;
}

/**
 * The button on the e-mail link's page: the link is used up and this browser is signed in.
 * `whenUsed`: what else the link proves, done in the same transaction once it is used up (e.g. the
 * application's "Keep me updated" waiting for it).
 */
export async function signInWithEmailLink(services: Omit<Completion, "browserNonce"> & { token: string; whenUsed?: (tx: Executor) => Promise<unknown> }): Promise<CompleteSignInOutcome> {
  const now = services.clock();
  return services.db.transaction(async (tx) => {
    const person = await personByEmailLink(tx, services.token, now);
    if (!person) return { ok: false, reason: "expired" } as const;
    const used = await tx
      .update(people)
      .set({ emailLinkHash: null, emailLinkExpiresAt: null })
      .where(and(eq(people.id, person.id), eq(people.emailLinkHash, hashToken(services.token))))
      .returning({ id: people.id });
    if (!used.length) return { ok: false, reason: "expired" } as const;
    await services.whenUsed?.(tx);
    return openSession(tx, services, person, now, "e-mail link");
  });
}

/** The link from the e-mail: signs in only in the browser that asked. */
export async function completeSignInWithLink(services: Completion & { token: string }): Promise<CompleteSignInOutcome> {
  const now = services.clock();
  const [request] = await services.db
    .select()
    .from(signInRequests)
    .where(and(eq(signInRequests.tokenHash, hashToken(services.token)), isNull(signInRequests.usedAt), gt(signInRequests.expiresAt, now)))
    .limit(1);
  if (!request) return { ok: false, reason: "expired" };
  if (!services.browserNonce || hashToken(services.browserNonce) !== request.browserHash) return { ok: false, reason: "other-browser" };
  return startSessionFor(services, request.id, request.email);
}

/** The 6-digit code typed on the page of the browser that asked. */
export async function completeSignInWithCode(services: Completion & { code: string }): Promise<CompleteSignInOutcome> {
  const now = services.clock();
  const limit = await hitRateLimit(services.db, rateLimits.signInCodePerIp, services.ip ?? "unknown", now);
  if (!limit.allowed) return { ok: false, reason: "rate-limited" };
  if (!services.browserNonce) return { ok: false, reason: "expired" };
  const browserHash = hashToken(services.browserNonce);
  const [request] = await services.db
    .select()
    .from(signInRequests)
    .where(and(eq(signInRequests.browserHash, browserHash), isNull(signInRequests.usedAt), gt(signInRequests.expiresAt, now)))
    .orderBy(desc(signInRequests.id))
    .limit(1);
  if (!request) return { ok: false, reason: "expired" };
  if (request.attempts >= maxCodeAttempts) return { ok: false, reason: "too-many-attempts" };
  const expected = Buffer.from(request.codeHash);
  const given = Buffer.from(hashCode(services.code, browserHash));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    await services.db
      .update(signInRequests)
      .set({ attempts: sql`${signInRequests.attempts} + 1` })
      .where(eq(signInRequests.id, request.id));
    return { ok: false, reason: request.attempts + 1 >= maxCodeAttempts ? "too-many-attempts" : "wrong-code" };
  }
  return startSessionFor(services, request.id, request.email);
}
