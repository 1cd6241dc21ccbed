// Every audit action the code records, and every subject type, has words in its context's labels.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appPath } from "~/platform/app-root";
import { auditActionLabel, auditActionLabels, auditSubjectLabels } from "./audit-labels";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const sources = ["domains", "platform", "app"].flatMap((dir) => sourceFiles(appPath(dir))).map((path) => readFileSync(path, "utf8"));

/** The literal codes passed to recordAudit: `action: "x.y"` (and both sides of `cond ? "x.a" : "x.b"`), `subjectType: "z"`. */
const recorded = (field: "action" | "subjectType") => {
  const codes = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(new RegExp(`${field}: ([^,}\\n]+)`, "g"))) {
      for (const literal of match[1].matchAll(/"([a-z][a-z_.-]*)"/g)) codes.add(literal[1]);
    }
  }
  return [...codes];
};

/** The codes built from templates (`application.${outcome}`), spelled out. */
const templated = [
  "application.approve",
  "application.reject",
  "application.more-info",
  "contact.mark-answered",
  "contact.mark-new",
  "role.grant",
  "role.revoke",
  "mentorship.mentor-approve",
  "mentorship.mentor-decline",
  "mentorship.mentor-pause",
  "mentorship.mentor-resume",
  ...["post", "page"].flatMap((kind) => ["create", "update", "delete", "restore-revision", "publish-scheduled"].map((what) => `${kind}.${what}`)),
  ...["tag", "category"].flatMap((kind) => ["create", "rename", "merge", "delete"].map((what) => `${kind}.${what}`)),
  "newsletter.pause",
  "newsletter.resume",
  "newsletter.cancel",
];

describe("audit labels", () => {
  it("names every action the code records", () => {
    const actions = [...recorded("action").filter((code) => code.includes(".")), ...templated];
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((code) => !auditActionLabels[code])).toEqual([]);
  });

  it("names every subject type the code records", () => {
    expect(recorded("subjectType").filter((code) => !auditSubjectLabels[code])).toEqual([]);
  });

  it("spells out a code no context has named yet rather than showing it as stored", () => {
    expect(auditActionLabel("open-letter.publish")).toBe("Open letter publish");
    expect(auditActionLabel("application.approve")).toBe("Approved an application");
  });
});
