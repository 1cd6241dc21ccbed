// The key that signs the public forms' time stamps (platform/form-stamp.ts), kept in the settings
// table (`form_stamp_key`): made once, at random, by the first process that needs it, then shared.
//
// Why the database and not a key made per process or an environment variable: a public page, with
// its stamp, is cached for up to five minutes and may stay open in a browser for hours; it can be
// posted to another web process sharing the PostgreSQL database, or to this one after a restart. A
// key per process would answer those real people like bots (nothing stored). An environment secret
// would work, but asks every operator for one more setting, where the README promises none. The
// database key needs nothing, is the same for every process, and lasts as long as the data; it is
// never rotated on its own, so no page is ever refused for a rotation.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "~/db/client.server";
import { settings } from "~/db/schema/index";

const settingKey = "form_stamp_key";
const storedKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43,}$/);
const byDatabase = new WeakMap<object, Promise<Buffer>>();

async function loadKey(db: Executor): Promise<Buffer> {
  await db
    .insert(settings)
    .values({ key: settingKey, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, settingKey));
  const stored = storedKeySchema.safeParse(row?.value);
  if (stored.success) return Buffer.from(stored.data, "base64url");
  // A damaged row (edited by hand): replace it, once, for every process.
  const [fixed] = await db
    .update(settings)
    .set({ value: randomBytes(32).toString("base64url"), updatedAt: new Date() })
    .where(eq(settings.key, settingKey))
    .returning({ value: settings.value });
  return Buffer.from(storedKeySchema.parse(fixed.value), "base64url");
}

/** The form-stamp key of this database, read once per process. */
export function formStampKey(db: Executor): Promise<Buffer> {
  let key = byDatabase.get(db);
  if (!key) {
    key = loadKey(db);
    byDatabase.set(db, key);
    key.catch(() => byDatabase.delete(db));
  }
  return key;
}
