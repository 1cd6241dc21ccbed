// The form-stamp key: made once, kept in the database, the same for every process sharing it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import type { DatabaseHandle } from "~/db/client.server";
import { settings } from "~/db/schema/index";
import { checkFormStamp, signFormStamp } from "~/platform/form-stamp";
import { testEngines } from "~/tests/helpers/test-db";
import { formStampKey } from "./form-stamp-key.server";

describe.each(testEngines())("the form-stamp key on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(async () => handle?.close());

  it("is made once, at random, and kept in the settings", async () => {
    const [first, again] = await Promise.all([formStampKey(handle.db), formStampKey(handle.db)]);
    expect(first).toHaveLength(32);
    expect(again.equals(first)).toBe(true);
    const [row] = await handle.db.select().from(settings).where(eq(settings.key, "form_stamp_key"));
    expect(Buffer.from(row.value as string, "base64url").equals(first)).toBe(true);
  });

  it.runIf(engine.name === "postgres")("is the same in another process sharing the database, so its stamps are accepted there", async () => {
    const other = await openDatabase({ kind: "postgres", connectionString: handle.connectionString!, poolSize: 1 });
    try {
      const renderedAt = Date.now() - 60_000;
      const stamp = signFormStamp(await formStampKey(handle.db), renderedAt);
      expect(checkFormStamp(stamp, await formStampKey(other.db), Date.now())).toBe("fine");
    } finally {
      await other.close();
    }
  });
});
