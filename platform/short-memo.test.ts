import { describe, expect, it } from "vitest";
import { shortMemo } from "./short-memo";

describe("shortMemo", () => {
  it("loads once within its time, again after it, and shares one load between concurrent readers", async () => {
    const memo = shortMemo<number>(1000);
    let loads = 0;
    const load = async () => ++loads;
    const t0 = new Date(0);
    expect(await Promise.all([memo.get("k", t0, load), memo.get("k", t0, load)])).toEqual([1, 1]);
    expect(await memo.get("k", new Date(999), load)).toBe(1);
    expect(await memo.get("k", new Date(1000), load)).toBe(2);
    expect(await memo.get("other", new Date(1000), load)).toBe(3);
  });

  it("does not keep a failed load", async () => {
    const memo = shortMemo<number>(1000);
    await expect(memo.get("k", new Date(0), () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await memo.get("k", new Date(0), async () => 7)).toBe(7);
  });
});
