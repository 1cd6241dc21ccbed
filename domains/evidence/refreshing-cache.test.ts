import { describe, expect, it } from "vitest";
import { refreshingCache } from "./refreshing-cache";

describe("a cache that refreshes in the background", () => {
  it("computes once, serves the kept value, then the stale value while one refresh runs", async () => {
    const cache = refreshingCache<number>(1000);
    const db = {};
    let loads = 0;
    let release: (n: number) => void = () => {};
    const load = () => {
      loads++;
      return loads === 1 ? Promise.resolve(1) : new Promise<number>((r) => (release = r));
    };
    expect(await cache.get(db, "k", new Date(0), load)).toBe(1);
    expect(await cache.get(db, "k", new Date(500), load)).toBe(1);
    expect(loads).toBe(1);
    expect(await cache.get(db, "k", new Date(2000), load)).toBe(1); // stale, refresh started
    expect(await cache.get(db, "k", new Date(2001), load)).toBe(1); // the same refresh, not a second
    expect(loads).toBe(2);
    release(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get(db, "k", new Date(2002), load)).toBe(2);
    cache.clear(db);
    loads = 0;
    expect(await cache.get(db, "k", new Date(2003), () => Promise.resolve(3))).toBe(3);
  });
});
