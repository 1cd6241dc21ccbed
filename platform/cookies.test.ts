import { describe, expect, it } from "vitest";
import { cookieValue } from "./cookies";

describe("cookieValue", () => {
  it.each([
    ["a plain value", "amg_session=abc; other=1", "abc"],
    ["a percent-encoded value", "amg_session=a%2Fb", "a/b"],
    ["a malformed percent escape, kept as written", "amg_session=%", "%"],
    ["a malformed escape among other cookies", "x=%E0%A4%A; amg_session=abc", "abc"],
    ["nothing when the cookie is absent", "other=1", null],
    ["nothing for an empty value", "amg_session=", null],
    ["nothing for a value with a NUL byte", "amg_session=%00", null],
    ["nothing for a cookie whose name only ends like ours", "xamg_session=abc", null],
  ])("reads %s", (_name, header, expected) => {
    expect(cookieValue(header, "amg_session")).toBe(expected);
  });

  it("reads nothing from no header", () => {
    expect(cookieValue(null, "amg_session")).toBeNull();
  });
});
