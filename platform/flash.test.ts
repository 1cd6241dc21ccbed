import { describe, expect, it } from "vitest";
import { flashMaxAgeSeconds, openFlash, sealFlash } from "./flash";

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const now = new Date("2026-03-02T15:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("flash cookies", () => {
  it("carries a message, accents and quotes included, to the next page", () => {
    expect(openFlash(key, sealFlash(key, "Saved: “Résumé” 100%.", now), later(1))).toBe("Saved: “Résumé” 100%.");
  });

  it("ignores a cookie whose text was changed, or that another key signed", () => {
    const value = sealFlash(key, "Application approved.", now);
    const [issuedAt, , signature] = value.split(".");
    const forged = `${issuedAt}.${Buffer.from("Your account is deleted.").toString("base64url")}.${signature}`;
    expect(openFlash(key, forged, later(1))).toBeNull();
    expect(openFlash(otherKey, value, later(1))).toBeNull();
    expect(openFlash(key, `${Number(issuedAt) + 1}.${value.split(".").slice(1).join(".")}`, later(1))).toBeNull();
  });

  it("ignores a cookie older than its lifetime, a malformed one, and none", () => {
    const value = sealFlash(key, "Saved.", now);
    expect(openFlash(key, value, later(flashMaxAgeSeconds + 1))).toBeNull();
    expect(openFlash(key, "not-a-flash", now)).toBeNull();
    expect(openFlash(key, "", now)).toBeNull();
    expect(openFlash(key, null, now)).toBeNull();
  });
});
