import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isKnownDevice, knownDeviceProof } from "./known-device";

describe("known-device proof", () => {
  const key = randomBytes(32);
  const now = new Date("2026-11-24T15:00:00Z");
  const day = 86_400_000;
  const proof = knownDeviceProof(key, "Ana@Example.org", now);

  const cases: [string, string | null, string, Date, boolean][] = [
    ["the address it was given for, in any case", proof, "ana@example.org", now, true],
    ["the same, 364 days later", proof, "ana@example.org", new Date(now.getTime() + 364 * day), true],
    ["the same, after a year", proof, "ana@example.org", new Date(now.getTime() + 366 * day), false],
    ["another address", proof, "bob@example.org", now, false],
    ["no cookie", null, "ana@example.org", now, false],
    ["a changed time", proof.replace(/^\d+/, (n) => String(Number(n) + 1)), "ana@example.org", now, false],
    ["a changed signature", `${proof.slice(0, -1)}${proof.endsWith("A") ? "B" : "A"}`, "ana@example.org", now, false],
    ["one given far in the future", knownDeviceProof(key, "ana@example.org", new Date(now.getTime() + day)), "ana@example.org", now, false],
    ["garbage", "1234.not-a-signature", "ana@example.org", now, false],
  ];
  it.each(cases)("%s", (_name, value, email, at, expected) => {
    expect(isKnownDevice(key, value, email, at)).toBe(expected);
  });

  it("is worthless under another key", () => {
    expect(isKnownDevice(randomBytes(32), proof, "ana@example.org", now)).toBe(false);
  });
});
