import { describe, expect, it } from "vitest";
import { positiveInt } from "./format";

describe("positiveInt", () => {
  it.each([
    ["a page number", "3", 3],
    ["a cursor with spaces around it", " 42 ", 42],
    ["the largest id PostgreSQL's integer holds", "2147483647", 2147483647],
  ])("reads %s", (_name, value, expected) => {
    expect(positiveInt(value)).toBe(expected);
  });

  it.each([
    ["nothing", null],
    ["an empty value", ""],
    ["zero", "0"],
    ["a negative number", "-5"],
    ["a number with letters after it", "12abc"],
    ["a decimal", "1.5"],
    ["an exponent", "1e5"],
    ["a number one past PostgreSQL's integer (out of range there)", "2147483648"],
    ["a number of twenty digits (loses precision in JavaScript)", "99999999999999999999"],
    ["a NUL byte", "\u0000"],
  ])("reads %s as absent", (_name, value) => {
    expect(positiveInt(value)).toBeUndefined();
  });

  it("takes a smaller ceiling (pages, years)", () => {
    expect(positiveInt("2020", 9999)).toBe(2020);
    expect(positiveInt("10000", 9999)).toBeUndefined();
  });
});
