import { describe, expect, it } from "vitest";
import { minimumPublishedCount, publishableCount } from "./count-suppression";

describe("publishable member counts", () => {
  it.each([
    ["no members", 0, null],
    ["one member (a count that points at a person)", 1, null],
    ["nine members, just under the threshold", 9, null],
    ["ten members, the threshold", 10, 10],
    ["a large count", 1204, 1204],
    ["something that is not a count", Number.NaN, null],
    ["a negative number", -12, null],
    ["a fraction", 12.5, null],
  ])("%s → %s", (_name, n, expected) => {
    expect(publishableCount(n)).toBe(expected);
  });

  it("publishes from ten", () => {
    expect(minimumPublishedCount).toBe(10);
  });
});
