// Opens the one database: embedded PGlite in DATA_DIR by default, a PostgreSQL server when
// DATABASE_URL is set. Both speak the same SQL and run the same migrations.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { appPath } from "~/platform/app-root";
import { lockDataDir } from "./data-dir-lock";
import * as schema from "./schema/index";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database or an open transaction: use cases accept either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export type DatabaseHandle = {
  kind: "pglite" | "postgres";
  db: Database;
  /** The PGlite instance (embedded mode only), for pg-boss's adapter. */
  pglite?: PGlite;
  connectionString?: string;
  /** Subscribes to NOTIFY on a channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type OpenOptions = { kind: "pglite"; dataDir?: string /* undefined = in memory */ } | { kind: "postgres"; connectionString: string; poolSize?: number };

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.kind === "pglite") {
    const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
    try {
      const pglite = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
      return {
        kind: "pglite",
        db: drizzlePglite(pglite, { schema }) as unknown as Database,
        pglite,
        listen: (channel, onPayload) => pglite.listen(channel, onPayload),
        async close() {
          await pglite.close();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  pool.on("error", () => {}); // an idle client's error is reported on its next use
  const listeners: pg.Client[] = [];
  return {
    kind: "postgres",
    db: drizzlePg(pool, { schema }) as unknown as Database,
    connectionString: options.connectionString,
    async listen(channel, onPayload) {
      const client = new pg.Client({ connectionString: options.connectionString });
      client.on("error", () => {});
      await client.connect();
      client.on("notification", (n) => n.channel === channel && onPayload(n.payload ?? ""));
      await client.query(`LISTEN "${channel.replace(/"/g, "")}"`);
      listeners.push(client);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
}

/** Applies the committed migrations (drizzle/). On a server, an advisory lock serialises concurrent starters. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const migrationsFolder = appPath("drizzle");
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: handle.connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(727274)");
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}

export async function notify(db: Executor, channel: string, payload = ""): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${channel}, ${payload})`);
}

/** A trivial query: proves the database answers. */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}
