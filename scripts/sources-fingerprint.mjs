// The fingerprint of what the build is made from: a SHA-256 over the source files' paths and
// bytes. Content, not file times: `npm install` rewrites package-lock.json without changing it,
// and a checkout touches files it does not change. Tests are not part of the build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const sources = ["app", "domains", "db", "platform", "server", "drizzle", "package-lock.json", "patches", "vite.config.ts", "react-router.config.ts", "tsconfig.json"];

function filesOf(entry) {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .filter((name) => name !== "+types" && !name.startsWith(".") && !/\.test\.tsx?$/.test(name))
    .sort()
    .flatMap((name) => filesOf(path.join(entry, name)));
}

export function sourcesFingerprint() {
  const hash = createHash("sha256");
  for (const file of sources.flatMap(filesOf)) hash.update(`${file}\0`).update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/** Where the build keeps the fingerprint of the sources it was made from. */
export const stampFile = "build/.sources-sha256";

// `node scripts/sources-fingerprint.mjs --write` (the end of `npm run build`) records it.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1])) && process.argv.includes("--write")) {
  writeFileSync(stampFile, `${sourcesFingerprint()}\n`);
}
