// Deleting an account forgets its e-mail address in the audit log too (security audit, issue 9),
// while the log stays append-only for every other change.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema/index";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { recordAudit } from "~/platform/audit.server";
import { confirmAccountDeletion, requestAccountDeletion } from "./delete-account.server";
import { changeRole, ensurePersonWithRole, findPersonByEmail } from "./people.server";

describe.each(testEngines())("account deletion and the audit log on $name", (engine) => {
  let t: TestPlatform;
  const start = new Date("2026-11-24T15:00:00Z");
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: start });
    await ensurePersonWithRole(t.handle.db, "admin@example.org", "admin", null);
  });
  afterAll(async () => t?.close());

  const rowsMentioning = async (text: string) =>
    t.handle.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(sql`"audit_log"::text ilike ${`%${text}%`}`); // the whole row as text

  /** Applies a change to the audit log the way a pseudonymisation would ask for it. */
  const asPseudonymisation = (email: string, pseudonym: string, change: string) =>
    t.handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('amg.pseudonymise_email', ${email}, true), set_config('amg.pseudonym', ${pseudonym}, true)`);
      await tx.execute(sql.raw(change));
    });

  it("replaces a deleted person's address by a pseudonym in every audit entry, and changes nothing else", async () => {
    await ensurePersonWithRole(t.handle.db, "Ana.Reyes@example.org", "member", null);
    const admin = (await findPersonByEmail(t.handle.db, "admin@example.org"))!;
    const ana = (await findPersonByEmail(t.handle.db, "ana.reyes@example.org"))!;
    const adminActor = { personId: admin.id, email: admin.email, ip: "203.0.113.5" };
    const anaActor = { personId: ana.id, email: ana.email, ip: "203.0.113.9" };
    await changeRole(t.handle.db, adminActor, { personPublicId: ana.publicId, role: "staff", intent: "grant" });
    await recordAudit(t.handle.db, anaActor, { action: "session.sign-in", subjectType: "person", subjectId: ana.publicId });
    await recordAudit(t.handle.db, adminActor, {
      action: "subscriber.unsubscribe",
      subjectType: "subscriber",
      subjectId: "ANA.REYES@example.org",
      details: { to: "Ana Reyes <ana.reyes@example.org>" },
    });
    await recordAudit(t.handle.db, adminActor, { action: "person.view", subjectType: "person", subjectId: "someone-else", details: { email: "other@example.org" } });
    expect((await rowsMentioning("ana.reyes@example.org")).length).toBe(4);
    const before = await t.handle.db.select().from(auditLog).orderBy(auditLog.id);

    await requestAccountDeletion({ ...t.services, actor: anaActor });
    const mail = await t.sink.waitFor((m) => m.to.includes("ana.reyes@example.org") && m.text.includes("/account/delete?token="));
    const token = new URL(mail.text.match(/http:\/\/amg\.test\/account\/delete\?token=\S+/)![0]).searchParams.get("token")!;
    expect(await confirmAccountDeletion({ ...t.services, token, ip: "203.0.113.9" })).toBe(true);

    expect(await rowsMentioning("ana.reyes@example.org")).toEqual([]);
    const after = await t.handle.db.select().from(auditLog).orderBy(auditLog.id);
    const pseudonym = after.find((e) => e.action === "session.sign-in" && e.actorId === ana.id)!.actorEmail!;
    expect(pseudonym).toMatch(/^deleted-[0-9a-f]{12}$/);
    // Every earlier entry is as it was, with the address (in any case) replaced by the pseudonym.
    for (const [i, entry] of before.entries()) {
      const scrubbed = JSON.parse(JSON.stringify(entry).replace(/ana\.reyes@example\.org/gi, pseudonym));
      expect(JSON.parse(JSON.stringify(after[i]))).toEqual(scrubbed);
    }
    expect(after.find((e) => e.action === "person.view")!.details).toEqual({ email: "other@example.org" });
    // The deletion itself is logged under the same pseudonym.
    expect(after.at(-1)).toMatchObject({ action: "person.delete-own-account", actorId: ana.id, actorEmail: pseudonym });
  });

  it("still refuses every other change to the audit log", async () => {
    const pseudonym = "deleted-0123456789ab";
    const [first] = await t.handle.db.select().from(auditLog).orderBy(auditLog.id).limit(1);
    await expect(t.handle.db.update(auditLog).set({ action: "forged" }).where(eq(auditLog.id, first.id))).rejects.toThrow();
    await expect(t.handle.db.update(auditLog).set({ actorEmail: pseudonym }).where(eq(auditLog.id, first.id))).rejects.toThrow();
    await expect(t.handle.db.delete(auditLog)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    // The address of a living account cannot be pseudonymised.
    await expect(asPseudonymisation("admin@example.org", pseudonym, `update audit_log set actor_email = audit_log_pseudonymised(actor_email, 'admin@example.org', '${pseudonym}')`)).rejects.toThrow();
    // A pseudonymisation that changes anything else is refused as a whole.
    await expect(
      asPseudonymisation("other@example.org", pseudonym, `update audit_log set action = 'forged', details = audit_log_pseudonymised(details::text, 'other@example.org', '${pseudonym}')::jsonb`),
    ).rejects.toThrow();
    await expect(asPseudonymisation("other@example.org", pseudonym, `update audit_log set details = '{}'::jsonb where details::text like '%other@example.org%'`)).rejects.toThrow();
    await expect(asPseudonymisation("other@example.org", pseudonym, `delete from audit_log`)).rejects.toThrow();
    // Only our pseudonyms replace an address.
    await expect(asPseudonymisation("other@example.org", "someone", `update audit_log set details = audit_log_pseudonymised(details::text, 'other@example.org', 'someone')::jsonb`)).rejects.toThrow();
    expect((await rowsMentioning("other@example.org")).length).toBe(1);
    expect((await rowsMentioning("forged")).length).toBe(0);
    // The same statement without the extra change goes through (the refusals above were the trigger's).
    await asPseudonymisation("other@example.org", pseudonym, `update audit_log set details = audit_log_pseudonymised(details::text, 'other@example.org', '${pseudonym}')::jsonb`);
    expect((await rowsMentioning("other@example.org")).length).toBe(0);
    expect((await rowsMentioning(pseudonym)).length).toBe(1);
  });
});
