// The optional second factor: an authenticator app (TOTP, RFC 6238, via otpauth) and ten
// single-use recovery codes, stored hashed. A code is accepted once (replay refused) within
// one 30-second step either side, for clock drift.
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { renderSVG } from "uqr";
import type { Executor } from "../../db/client.server";
import { secondFactors, sessions } from "../../db/schema/index";
import { hashToken } from "../email/tokens";
import { recordAudit } from "./audit.server";
import type { Actor } from "./audit.server";

const period = 30;
const totpFor = (secret: string, label: string, issuer: string) => new TOTP({ issuer, label, secret: Secret.fromBase32(secret), period, digits: 6 });

export const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[^a-z0-9]/g, "");

export async function findSecondFactor(db: Executor, personId: number) {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.personId, personId)).limit(1);
  return row ?? null;
}

export async function hasConfirmedSecondFactor(db: Executor, personId: number): Promise<boolean> {
  return (await findSecondFactor(db, personId))?.confirmedAt != null;
}

/** Starts (or restarts) setting up an authenticator: a new secret, not active until confirmed. */
export async function beginSecondFactorSetup(db: Executor, person: { personId: number; email: string }, issuer: string) {
  const existing = await findSecondFactor(db, person.personId);
  if (existing?.confirmedAt) return null;
  const secret = existing?.secret ?? new Secret({ size: 20 }).base32;
  if (!existing) await db.insert(secondFactors).values({ personId: person.personId, secret });
  const uri = totpFor(secret, person.email, issuer).toString();
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/** Checks a 6-digit code; accepts each time step once. */
async function acceptTotp(db: Executor, personId: number, secret: string, lastUsedStep: number, code: string, now: Date): Promise<boolean> {
  const delta = new TOTP({ secret: Secret.fromBase32(secret), period, digits: 6 }).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return false;
  const step = Math.floor(now.getTime() / 1000 / period) + delta;
  if (step <= lastUsedStep) return false;
  await db.update(secondFactors).set({ lastUsedStep: step }).where(eq(secondFactors.personId, personId));
  return true;
}

/** Confirms setup with a first code; returns the recovery codes (shown once). */
export async function confirmSecondFactor(db: Executor, actor: Actor, code: string, now: Date): Promise<string[] | null> {
  const factor = await findSecondFactor(db, actor.personId);
  if (!factor || factor.confirmedAt) return null;
  if (!(await acceptTotp(db, actor.personId, factor.secret, factor.lastUsedStep, code, now))) return null;
  const codes = Array.from({ length: 10 }, () => randomBytes(5).toString("hex"));
  await db.update(secondFactors).set({ confirmedAt: now, recoveryCodeHashes: codes.map((c) => hashToken(c)) }).where(eq(secondFactors.personId, actor.personId));
  await recordAudit(db, actor, { action: "second-factor.enable", subjectType: "person", subjectId: String(actor.personId) });
  return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

/** A TOTP code or an unused recovery code (which is then used up). */
export async function verifySecondFactor(db: Executor, personId: number, code: string, now: Date): Promise<boolean> {
  const factor = await findSecondFactor(db, personId);
  if (!factor?.confirmedAt) return false;
  const digits = code.replace(/\s+/g, "");
  if (/^\d{6}$/.test(digits)) return acceptTotp(db, personId, factor.secret, factor.lastUsedStep, digits, now);
  const hash = hashToken(normaliseRecoveryCode(code));
  if (!factor.recoveryCodeHashes.includes(hash)) return false;
  await db.update(secondFactors).set({ recoveryCodeHashes: factor.recoveryCodeHashes.filter((h) => h !== hash) }).where(eq(secondFactors.personId, personId));
  return true;
}

export async function disableSecondFactor(db: Executor, actor: Actor, code: string, now: Date): Promise<boolean> {
  if (!(await verifySecondFactor(db, actor.personId, code, now))) return false;
  await db.delete(secondFactors).where(eq(secondFactors.personId, actor.personId));
  await recordAudit(db, actor, { action: "second-factor.disable", subjectType: "person", subjectId: String(actor.personId) });
  return true;
}

/** Completes a sign-in that waited for the second factor. */
export async function completeSecondFactor(db: Executor, input: { personId: number; sessionId: number; code: string; now: Date }): Promise<boolean> {
  if (!(await verifySecondFactor(db, input.personId, input.code, input.now))) return false;
  await db
    .update(sessions)
    .set({ secondFactorPending: false, lastSeenAt: input.now })
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.personId, input.personId), isNull(sessions.endedAt)));
  return true;
}

/** The current code of a secret (for tests and for showing setup works). */
export const currentTotp = (secret: string, now: Date) => new TOTP({ secret: Secret.fromBase32(secret), period, digits: 6 }).generate({ timestamp: now.getTime() });
