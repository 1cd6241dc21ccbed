// Every stored code of the membership context has words for people, and each degree's form asks
// only the exams that degree needs.
import { describe, expect, it } from "vitest";
import { applications } from "~/db/schema/index";
import { citizenshipLabels, decisionLabels, degreeLabels, ecfmgLabels, examKeys, examLabels, examResultLabels, examsForDegree, ownStatusLabels, statusLabels, trainingLabels } from "./labels";

const codesOf = (column: { enumValues?: readonly string[] }) => [...(column.enumValues ?? [])].sort();
const keysOf = (labels: Record<string, string>) => Object.keys(labels).sort();

describe("membership labels", () => {
  it.each([
    ["status", applications.status, statusLabels],
    ["status, as the applicant reads it", applications.status, ownStatusLabels],
    ["rules' decision", applications.decision, decisionLabels],
    ["citizenship", applications.citizenship, citizenshipLabels],
    ["degree", applications.degree, degreeLabels],
    ["training status", applications.trainingStatus, trainingLabels],
    ["ECFMG certification", applications.ecfmgCertified, ecfmgLabels],
  ])("has words for every stored %s code", (_name, column, labels) => {
    expect(keysOf(labels)).toEqual(codesOf(column));
    for (const label of Object.values(labels)) expect(label).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it("has words for every exam and exam result", () => {
    expect(keysOf(examLabels)).toEqual([...examKeys].sort());
    expect(keysOf(examResultLabels)).toEqual(["failed", "not-taken", "passed", "pending"]);
  });

  it.each([
    ["MD", ["step1", "step2ck", "step3"]],
    ["IMG", ["step1", "step2ck", "step3"]],
    ["DO", ["level1", "level2ce", "level3", "step1", "step2ck", "step3"]],
  ] as const)("asks a %s graduate about %j", (degree, exams) => {
    expect(examsForDegree(degree)).toEqual(exams);
  });
});
