// Finds the project folder (the one with package.json) from any module, bundled or not,
// so shipped files (drizzle/, data/) are found wherever the code runs from.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findAppRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const appRoot = findAppRoot();
export const appPath = (...parts: string[]) => path.join(appRoot, ...parts);
