// The optional second factor: an authenticator app (TOTP, RFC 6238, via otpauth) and ten
// single-use recovery codes, stored hashed. A code is accepted once (replay refused) within
// one 30-second step either side, for clock drift.
// The app's secret is stored encrypted (AES-256-GCM with a key derived from SECRET_KEY, bound to
// its row); a secret stored in plain text by an older version is encrypted at start and on use.
// Codes typed to finish a sign-in are counted per person, from whatever IP: at the limit the
// pending sign-in ends (an attacker holding the mailbox cannot try a million codes).
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { renderSVG } from "uqr";
import type { Executor } from "~/db/client.server";
import { secondFactors, sessions } from "~/db/schema/index";
import { clearRateLimit, hitRateLimits, rateLimits } from "~/platform/rate-limit.server";
import type { RateLimitRule } from "~/platform/rate-limit.server";
import { deriveKey, isSealed, open, seal } from "~/platform/secret-box";
import { hashToken } from "~/platform/tokens";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";

/** Where second factors are kept: the database, and the platform key that encrypts their secrets. */
export type SecondFactorStore = { db: Executor; secretKey: Buffer };

const period = 30;
const totpFor = (secret: string, label: string, issuer: string) => new TOTP({ issuer, label, secret: Secret.fromBase32(secret), period, digits: 6 });

const secretContext = (personId: number) => `second_factors.secret:${personId}`;
const sealSecret = (store: SecondFactorStore, personId: number, secret: string) => seal(deriveKey(store.secretKey, "second-factor-secrets"), secret, secretContext(personId));

/** The base32 secret of a row; a plain-text one (stored before encryption) is encrypted now. */
async function readSecret(store: SecondFactorStore, row: { personId: number; secret: string }): Promise<string> {
  if (isSealed(row.secret)) return open(deriveKey(store.secretKey, "second-factor-secrets"), row.secret, secretContext(row.personId));
  await store.db
    .update(secondFactors)
    .set({ secret: sealSecret(store, row.personId, row.secret) })
    .where(and(eq(secondFactors.personId, row.personId), eq(secondFactors.secret, row.secret)));
  return row.secret;
}

/**
 * Run at start: encrypts every secret still stored in plain text, and counts the encrypted ones the
 * key cannot open (SECRET_KEY changed or the key file lost: those people need a recovery code).
 */
export async function secureSecondFactorSecrets(store: SecondFactorStore): Promise<{ encrypted: number; unreadable: number }> {
  const rows = await store.db.select({ personId: secondFactors.personId, secret: secondFactors.secret }).from(secondFactors);
  let encrypted = 0;
  let unreadable = 0;
  for (const row of rows) {
    if (!isSealed(row.secret)) encrypted++;
    if ((await readSecretOrNull(store, row)) === null) unreadable++;
  }
  return { encrypted, unreadable };
}

/** As readSecret, but null when the key does not open it (a code then simply does not match). */
async function readSecretOrNull(store: SecondFactorStore, row: { personId: number; secret: string }): Promise<string | null> {
  try {
    return await readSecret(store, row);
  } catch {
    return null;
  }
}

export const normaliseRecoveryCode = (code: string) =>
  code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

export async function findSecondFactor(db: Executor, personId: number) {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.personId, personId)).limit(1);
  return row ?? null;
}

export async function hasConfirmedSecondFactor(db: Executor, personId: number): Promise<boolean> {
  return (await findSecondFactor(db, personId))?.confirmedAt != null;
}

/** Starts (or restarts) setting up an authenticator: a new secret, not active until confirmed. */
export async function beginSecondFactorSetup(store: SecondFactorStore, person: { personId: number; email: string }, issuer: string) {
  const existing = await findSecondFactor(store.db, person.personId);
  if (existing?.confirmedAt) return null;
  let secret = existing ? await readSecretOrNull(store, existing) : null;
  if (!secret) {
    // No set-up yet, or an unfinished one the key no longer opens: a new secret.
    secret = new Secret({ size: 20 }).base32;
    await store.db
      .insert(secondFactors)
      .values({ personId: person.personId, secret: sealSecret(store, person.personId, secret) })
      .onConflictDoUpdate({ target: secondFactors.personId, set: { secret: sealSecret(store, person.personId, secret), lastUsedStep: 0 } });
  }
  const uri = totpFor(secret, person.email, issuer).toString();
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/** Checks a 6-digit code; accepts each time step once. */
async function acceptTotp(store: SecondFactorStore, factor: { personId: number; secret: string; lastUsedStep: number }, code: string, now: Date): Promise<boolean> {
  const secret = await readSecretOrNull(store, factor);
  if (!secret) return false;
  const delta = new TOTP({ secret: Secret.fromBase32(secret), period, digits: 6 }).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return false;
  const step = Math.floor(now.getTime() / 1000 / period) + delta;
  if (step <= factor.lastUsedStep) return false;
  await store.db.update(secondFactors).set({ lastUsedStep: step }).where(eq(secondFactors.personId, factor.personId));
  return true;
}

/** Confirms setup with a first code; returns the recovery codes (shown once). */
export async function confirmSecondFactor(store: SecondFactorStore, actor: Actor, code: string, now: Date): Promise<string[] | null> {
  const factor = await findSecondFactor(store.db, actor.personId);
  if (!factor || factor.confirmedAt) return null;
  if (!(await acceptTotp(store, factor, code, now))) return null;
  const codes = Array.from({ length: 10 }, () => randomBytes(5).toString("hex"));
  await store.db
    .update(secondFactors)
    .set({ confirmedAt: now, recoveryCodeHashes: codes.map((c) => hashToken(c)) })
    .where(eq(secondFactors.personId, actor.personId));
  await recordAudit(store.db, actor, { action: "second-factor.enable", subjectType: "person", subjectId: String(actor.personId) });
  return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

/** A TOTP code or an unused recovery code (which is then used up). */
export async function verifySecondFactor(store: SecondFactorStore, personId: number, code: string, now: Date): Promise<boolean> {
  const factor = await findSecondFactor(store.db, personId);
  if (!factor?.confirmedAt) return false;
  const digits = code.replace(/\s+/g, "");
  if (/^\d{6}$/.test(digits)) return acceptTotp(store, factor, digits, now);
  const hash = hashToken(normaliseRecoveryCode(code));
  if (!factor.recoveryCodeHashes.includes(hash)) return false;
  await store.db
    .update(secondFactors)
    .set({ recoveryCodeHashes: factor.recoveryCodeHashes.filter((h) => h !== hash) })
    .where(eq(secondFactors.personId, personId));
  return true;
}

export async function disableSecondFactor(store: SecondFactorStore, actor: Actor, code: string, now: Date): Promise<boolean> {
  if (!(await verifySecondFactor(store, actor.personId, code, now))) return false;
  await store.db.delete(secondFactors).where(eq(secondFactors.personId, actor.personId));
  await recordAudit(store.db, actor, { action: "second-factor.disable", subjectType: "person", subjectId: String(actor.personId) });
  return true;
}

export type CompleteSecondFactorOutcome =
  | { ok: true }
  | { ok: false; reason: "wrong-code"; attemptsLeft: number }
  /** Too many codes tried for this person: the pending sign-in has ended; sign in again after `retryAfterSeconds`. */
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

const attemptLimits = [rateLimits.secondFactorPerPerson, rateLimits.secondFactorPerPersonDaily];

/**
 * Completes a sign-in that waited for the second factor. Every code (authenticator or recovery)
 * counts against the person, whatever the IP; the count is taken before the code is checked, so
 * parallel guesses cannot slip past it. The right code clears the count.
 */
export async function completeSecondFactor(store: SecondFactorStore, input: { actor: Actor; sessionId: number; code: string; now: Date }): Promise<CompleteSecondFactorOutcome> {
  const { actor } = input;
  const personId = actor.personId;
  const counted = await hitRateLimits(
    store.db,
    attemptLimits.map((rule): [RateLimitRule, string] => [rule, String(personId)]),
    input.now,
  );
  if (counted.allowed && (await verifySecondFactor(store, personId, input.code, input.now))) {
    for (const rule of attemptLimits) await clearRateLimit(store.db, rule, String(personId));
    await store.db
      .update(sessions)
      .set({ secondFactorPending: false, lastSeenAt: input.now })
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.personId, personId), isNull(sessions.endedAt)));
    return { ok: true };
  }
  if (counted.allowed && counted.remaining > 0) return { ok: false, reason: "wrong-code", attemptsLeft: counted.remaining };
  await store.db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ endedAt: input.now })
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.personId, personId), eq(sessions.secondFactorPending, true), isNull(sessions.endedAt)))
      .returning({ publicId: sessions.publicId });
    if (ended.length) {
      await recordAudit(tx, actor, { action: "second-factor.lock", subjectType: "session", subjectId: ended[0].publicId });
    }
  });
  return { ok: false, reason: "locked", retryAfterSeconds: counted.retryAfterSeconds };
}

/** The current code of a secret (for tests and for showing setup works). */
export const currentTotp = (secret: string, now: Date) => new TOTP({ secret: Secret.fromBase32(secret), period, digits: 6 }).generate({ timestamp: now.getTime() });
