// Once per test run: a folder where the first test server to need it leaves a migrated embedded
// database (with pg-boss's tables) that every later test server starts from, as a copy
// (tests/helpers/app-server.ts). Removed when the run ends. The variable reaches the workers,
// which are started after this.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup() {
  const root = mkdtempSync(path.join(tmpdir(), "amg-test-template-"));
  process.env.AMG_TEST_TEMPLATE_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
