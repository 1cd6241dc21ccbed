import { describe, expect, it } from "vitest";
import { multiLineText, oneLineText } from "./text-fields";

describe("oneLineText", () => {
  const field = oneLineText(40);
  it.each([
    ["trims", "  Ann Lee  ", "Ann Lee"],
    ["removes NUL bytes (PostgreSQL refuses them)", "Ann\u0000 Lee", "Ann Lee"],
    ["turns CR/LF into a space, so a name cannot forge a mail header line", "Hi\r\nBcc: x@example.org", "Hi Bcc: x@example.org"],
    ["turns a tab into a space", "a\tb", "a b"],
    ["removes other control characters", "a\u0001\u001b\u007fb", "ab"],
    ["keeps accents and other scripts", "José Ñúñez 李", "José Ñúñez 李"],
  ])("%s", (_name, input, expected) => {
    expect(field.parse(input)).toBe(expected);
  });

  it("refuses a value longer than its cap, with a plain message", () => {
    const result = field.safeParse("x".repeat(41));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Please keep this under 40 characters.");
  });

  it("takes its own messages and more rules after it", () => {
    const name = oneLineText(5, { missing: "Please enter your name.", tooLong: "Too long." }).min(1, "Please enter your name.");
    expect(name.safeParse(undefined).error?.issues[0]?.message).toBe("Please enter your name.");
    expect(name.safeParse(" \u0000 ").error?.issues[0]?.message).toBe("Please enter your name.");
    expect(name.safeParse("abcdef").error?.issues[0]?.message).toBe("Too long.");
  });
});

describe("multiLineText", () => {
  const field = multiLineText(30);
  it.each([
    ["keeps line breaks and tabs", "Dear Senator,\n\tthank you.", "Dear Senator,\n\tthank you."],
    ["makes CRLF and CR line breaks LF", "one\r\ntwo\rthree", "one\ntwo\nthree"],
    ["removes NUL bytes and other control characters", "a\u0000b\u0007c\u001bd", "abcd"],
    ["trims", "\n  text \n", "text"],
  ])("%s", (_name, input, expected) => {
    expect(field.parse(input)).toBe(expected);
  });

  it("refuses a text longer than its cap", () => {
    expect(field.safeParse("x".repeat(31)).error?.issues[0]?.message).toBe("Please keep this under 30 characters.");
  });
});
