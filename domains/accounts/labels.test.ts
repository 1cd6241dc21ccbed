import { describe, expect, it } from "vitest";
import { personRoles } from "~/db/schema/index";
import { roleLabels } from "./labels";

describe("accounts labels", () => {
  it("has words for every stored role", () => {
    expect(Object.keys(roleLabels).sort()).toEqual([...personRoles.role.enumValues].sort());
  });
});
