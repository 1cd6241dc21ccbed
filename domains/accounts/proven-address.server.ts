// An account for an address another context has just proven by its own single-use link (decision
// 0012: the link in that mailbox is the proof), and a session for the browser that opened it. The
// same session as a sign-in link gives, second factor included; used by mentorship's volunteer link.
import { eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { people } from "~/db/schema/index";
import { recordAudit } from "~/platform/audit.server";
import { newPublicId } from "~/platform/tokens";
import { knownDeviceProof } from "./known-device";
import { findPersonByEmail } from "./people.server";
import { hasConfirmedSecondFactor } from "./second-factor.server";
import { createSession } from "./sessions.server";

export type ProvenSignIn = { ok: true; personId: number; sessionToken: string; expiresAt: Date; secondFactorDue: boolean; knownDevice: string } | { ok: false };

/** Creates the person if new (with the name given), then signs the browser in; a disabled account gets nothing. */
export async function signInProvenAddress(tx: Executor, p: { email: string; name: string; ip: string | null; userAgent: string | null; now: Date; secretKey: Buffer }): Promise<ProvenSignIn> {
  await tx.insert(people).values({ publicId: newPublicId(), email: p.email, name: p.name }).onConflictDoNothing();
  const person = (await findPersonByEmail(tx, p.email))!;
  if (person.isDisabled) return { ok: false };
  if (!person.name) await tx.update(people).set({ name: p.name, updatedAt: p.now }).where(eq(people.id, person.id));
  const secondFactorDue = await hasConfirmedSecondFactor(tx, person.id);
  const session = await createSession(tx, { personId: person.id, ip: p.ip, userAgent: p.userAgent, now: p.now, secondFactorPending: secondFactorDue });
  await recordAudit(tx, { personId: person.id, email: person.email, ip: p.ip }, { action: "session.sign-in", subjectType: "person", subjectId: person.publicId, details: { via: "proven link" } });
  return { ok: true, personId: person.id, sessionToken: session.token, expiresAt: session.expiresAt, secondFactorDue, knownDevice: knownDeviceProof(p.secretKey, person.email, p.now) };
}
