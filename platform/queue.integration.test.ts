import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { outboxMessages } from "~/db/schema/index";
import { queueEmail } from "~/domains/email/queue-email.server";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import type { JobSpec } from "./queue.server";

const mail = (to: string) => ({ template: "test", to, from: "AMG <info@amg.test>", subject: `Hello ${to}`, text: "Hello" });

describe.each(testEngines())("jobs and mail delivery on $name", (engine) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
  });
  afterAll(async () => t?.close());

  it("never sends the e-mail of a change that was rolled back", async () => {
    await expect(
      t.handle.db.transaction(async (tx) => {
        await queueEmail(tx, t.services.jobs, mail("rolled-back@example.org"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const [{ n }] = await t.handle.db.select({ n: count() }).from(outboxMessages);
    expect(n).toBe(0);
    // A later committed message is delivered, and the rolled-back one still never arrives.
    await t.handle.db.transaction((tx) => queueEmail(tx, t.services.jobs, mail("committed@example.org")));
    await t.sink.waitFor((m) => m.to.includes("committed@example.org"));
    expect(t.sink.messages.some((m) => m.to.includes("rolled-back@example.org"))).toBe(false);
  });

  it("retries a delivery the SMTP server refused and records the attempts", async () => {
    t.sink.failNext(1);
    const { outboxId } = await t.handle.db.transaction((tx) => queueEmail(tx, t.services.jobs, mail("retry@example.org")));
    const received = await t.sink.waitFor((m) => m.to.includes("retry@example.org"), 45_000);
    expect(received.subject).toBe("Hello retry@example.org");
    await expect
      .poll(async () => (await t.handle.db.select().from(outboxMessages)).find((m) => m.id === outboxId), { timeout: 10_000 })
      .toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("rejects a malformed job payload when it is enqueued", async () => {
    const spec = { name: "email.deliver-message", schema: z.object({ outboxId: z.number().int().positive() }), retryLimit: 1 } satisfies JobSpec;
    await expect(t.services.jobs.send(spec, { outboxId: -1 })).rejects.toThrow();
  });
});
