// Starts the production build (build/server/index.js) as a child process, exactly as
// `npm start` runs it, on a free port with its own data folder; stops it with SIGTERM. A new
// database gets the small reference-data fixture (REFERENCE_DATA_DIR), not the shipped files.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
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

export async function startAppServer(
  env: Record<string, string> = {},
  options: { dataDir?: string; keepData?: boolean; args?: string[]; readyText?: string } = {},
): Promise<AppServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? madeDataDir();
  const child = spawn(process.execPath, ["build/server/index.js", ...(options.args ?? [])], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, APP_URL: `http://localhost:${port}`, LOG_LEVEL: "info", REFERENCE_DATA_DIR: referenceFixtureDir, ...env },
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
    : async () => fetch(`${url}/healthz`).then((r) => r.ok, () => false);
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
