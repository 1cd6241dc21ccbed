import { describe, expect, it } from "vitest";
import { campaigns, signatures, stateLegislators, statePathways } from "~/db/schema/index";
import { campaignKindLabels, signatureStatusLabels, stateChamberLabels, statePathwayStatusLabels } from "./labels";

describe("advocacy labels", () => {
  it.each([
    ["campaign kinds", campaignKindLabels, campaigns.kind.enumValues],
    ["signature statuses", signatureStatusLabels, signatures.status.enumValues],
    ["state chambers", stateChamberLabels, stateLegislators.chamber.enumValues],
    ["state law statuses", statePathwayStatusLabels, statePathways.status.enumValues],
  ] as const)("has words for every stored code of %s", (_name, labels, codes) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
  });
});
