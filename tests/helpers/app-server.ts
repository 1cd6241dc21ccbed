// Starts the production build (build/server/index.js) as a child process, exactly as
// `npm start` runs it, on a free port with its own data folder; stops it with SIGTERM.
// In the test suite (tests/helpers/global-setup.ts) a new data folder starts as a copy of a
// template already migrated, with pg-boss's tables (`fresh: true` starts from nothing, as a first
// start does), and a new database gets the small reference-data fixture (REFERENCE_DATA_DIR), not
// the shipped files; benchmarks (bench/) start servers as production does.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import { createLogger } from "~/platform/logger";
import { startQueue } from "~/platform/queue.server";
import { jobSpecs } from "~/server/platform";
import { referenceFixtureDir } from "./reference-fixture";

export type AppServer = { url: string; port: number; dataDir: string; process: ChildProcess; output: () => string; stop(): Promise<number | null> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Every data folder made here is removed when the test process ends, even one a test kept to
// restart a server on it (a server's folder holds an embedded database of some 60 MB).
const madeDataDirs = new Set<string>();
process.once("exit", () => {
  for (const dir of madeDataDirs) rmSync(dir, { recursive: true, force: true });
});
function madeDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "amg-e2e-"));
  madeDataDirs.add(dir);
  return dir;
}

const templateRoot = process.env.AMG_TEST_TEMPLATE_ROOT;

/**
 * The template data folder: made by the first test process to ask (a lock folder keeps the others
 * waiting), as a server's first start would make it up to the seeding: PGlite's files, our
 * migrations, pg-boss's schema and queues. Each test file runs in its own process, so this is
 * shared through the file system.
 */
async function templateDataDir(root: string): Promise<string> {
  const template = path.join(root, "pglite");
  const lock = path.join(root, "making");
  while (!existsSync(template)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another process is making it; a lock older than two minutes was left by a process that died.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      const making = path.join(root, "pglite-making");
      rmSync(making, { recursive: true, force: true });
      const handle = await openDatabase({ kind: "pglite", dataDir: making });
      await migrateDatabase(handle);
      const queue = await startQueue(handle, jobSpecs, createLogger("silent"), { supervise: false, schedule: false });
      await queue.stop();
      await handle.close();
      renameSync(making, template);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return template;
}

/** In the test suite, fills `dataDir` with the migrated template (as a test server starts); elsewhere leaves it empty. */
export async function fillFromTemplate(dataDir: string): Promise<void> {
  if (templateRoot) cpSync(await templateDataDir(templateRoot), dataDir, { recursive: true });
}

export async function startAppServer(
  env: Record<string, string> = {},
  options: { dataDir?: string; keepData?: boolean; args?: string[]; readyText?: string; fresh?: boolean } = {},
): Promise<AppServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? madeDataDir();
  const suite = templateRoot ? { REFERENCE_DATA_DIR: referenceFixtureDir } : {};
  if (!options.dataDir && !options.fresh && !env.DATABASE_URL) await fillFromTemplate(dataDir);
  const child = spawn(process.execPath, ["build/server/index.js", ...(options.args ?? [])], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, APP_URL: `http://localhost:${port}`, LOG_LEVEL: "info", ...suite, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const url = `http://localhost:${port}`;
  // Ready when /healthz answers (the database is reachable), however long a loaded machine takes;
  // a worker-only process has no HTTP and is ready when it says so. The test's hook timeout bounds it.
  const isReady = options.readyText
    ? async () => output.includes(options.readyText!)
    : async () =>
        fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
  while (!(await isReady())) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    dataDir,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
        child.kill("SIGTERM");
        await exited;
      }
      if (!options.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      return child.exitCode;
    },
  };
}
