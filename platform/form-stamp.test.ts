import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkFormStamp, signFormStamp } from "./form-stamp";

const key = randomBytes(32);
const renderedAt = Date.parse("2026-11-29T12:00:00Z");
const stamp = signFormStamp(key, renderedAt);
const later = (ms: number) => renderedAt + ms;

describe("the signed time stamp of public forms", () => {
  it.each<[string, string | undefined, number, "fine" | "too-fast" | "forged"]>([
    ["a stamp this server signed, sent back after a person's pace", stamp, later(8_000), "fine"],
    ["a stamp from a page kept open (or cached) for hours", stamp, later(6 * 3600_000), "fine"],
    ["a stamp sent back within two seconds", stamp, later(1_999), "too-fast"],
    ["a stamp from the future", stamp, later(-5_000), "too-fast"],
    ["no stamp at all", undefined, later(8_000), "forged"],
    ["an empty stamp", "", later(8_000), "forged"],
    ["a bare time chosen by the client (the old unsigned field)", "0", later(8_000), "forged"],
    ["a stamp that cannot be parsed", "yesterday.abc", later(8_000), "forged"],
    ["a time changed under its signature (tampered)", `${renderedAt - 60_000}${stamp.slice(stamp.indexOf("."))}`, later(8_000), "forged"],
    ["a signature changed by one character", `${stamp.slice(0, -1)}${stamp.endsWith("A") ? "B" : "A"}`, later(8_000), "forged"],
    ["a stamp signed with another key (forged)", signFormStamp(randomBytes(32), renderedAt - 60_000), later(8_000), "forged"],
  ])("%s → %s", (_name, given, now, expected) => {
    expect(checkFormStamp(given, key, now)).toBe(expected);
  });
});
