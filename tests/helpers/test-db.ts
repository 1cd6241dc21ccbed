// Test databases: a fresh in-memory PGlite per call, and (when TEST_DATABASE_URL is set) a
// fresh database on that PostgreSQL server, both migrated by our own migrator.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import type { DatabaseHandle } from "~/db/client.server";

export type Engine = { name: "pglite" | "postgres"; open(): Promise<DatabaseHandle> };

async function openFreshPostgres(serverUrl: string): Promise<DatabaseHandle> {
  const name = `amg_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", connectionString: url.toString(), poolSize: 5 });
  await migrateDatabase(handle);
  const close = handle.close;
  handle.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  return handle;
}

/** The engines to run database tests on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  const engines: Engine[] = [
    {
      name: "pglite",
      async open() {
        const handle = await openDatabase({ kind: "pglite" });
        await migrateDatabase(handle);
        return handle;
      },
    },
  ];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) engines.push({ name: "postgres", open: () => openFreshPostgres(serverUrl) });
  return engines;
}
