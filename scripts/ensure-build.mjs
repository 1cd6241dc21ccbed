// Builds the app when build/ is missing or was built from other sources, so `npm start` and
// `npm test` on a fresh clone build first, and later starts skip the build. The sources'
// fingerprint (sources-fingerprint.mjs: their content, not their file times) is written by the build.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { sourcesFingerprint, stampFile } from "./sources-fingerprint.mjs";

const output = "build/server/index.js";

const fingerprint = sourcesFingerprint();
const builtFrom = existsSync(output) && existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : null;
if (builtFrom !== fingerprint) {
  console.log(existsSync(output) ? "Sources changed since the last build: building…" : "Building the app (first start)…");
  try {
    execSync("npm run build", { stdio: "inherit" });
  } catch {
    console.error("The build failed: its messages are above. Nothing was started.");
    process.exit(1);
  }
}
