import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bestLevels, compressPage, missLevels, PageCache, pickEncoding } from "./page-cache";

const page = (body: string, expiresAt: number) => ({ status: 200, headers: [["content-type", "text/html"]] as [string, string][], body: Buffer.from(body), expiresAt });

describe("PageCache", () => {
  it("serves an entry until it expires", () => {
    const cache = new PageCache();
    cache.set("/", page("<h1>home</h1>", 1_000));
    expect(cache.get("/", 999)?.body.toString()).toBe("<h1>home</h1>");
    expect(cache.get("/", 1_000)).toBeUndefined();
  });

  it("keeps gzip and brotli copies of the same bytes", () => {
    const cache = new PageCache();
    const entry = cache.set("/", page("x".repeat(5000), 10));
    expect(gunzipSync(entry.gzip).toString()).toBe("x".repeat(5000));
    expect(brotliDecompressSync(entry.br).toString()).toBe("x".repeat(5000));
  });

  it("compresses a miss at the cheaper levels, and a page visited again at the best ones, off the request's thread", async () => {
    const html = Buffer.from(Array.from({ length: 400 }, (_, i) => `<p class="row">Row ${i}: Alliance of Medical Graduates</p>`).join("\n"));
    const cache = new PageCache();
    const entry = cache.set("/", { ...page("", 10), body: html });
    expect(entry.compressedBest).toBe(false);
    expect(entry.br.equals(compressPage(html, missLevels).br)).toBe(true);
    expect(entry.gzip.equals(compressPage(html, missLevels).gzip)).toBe(true);
    cache.get("/", 0); // the miss, served from its new entry
    await cache.settled();
    expect(cache.get("/", 0)?.compressedBest).toBe(false);
    cache.get("/", 0); // visited again
    await cache.settled();
    const best = compressPage(html, bestLevels);
    const again = cache.get("/", 0)!;
    expect(again.compressedBest).toBe(true);
    expect(again.br.equals(best.br)).toBe(true);
    expect(brotliDecompressSync(again.br).equals(html)).toBe(true);
    expect(gunzipSync(again.gzip).equals(html)).toBe(true);
  });

  it("never recompresses a page that is not visited again (a cache-busting flood)", async () => {
    const cache = new PageCache();
    for (let n = 0; n < 50; n++) {
      cache.set(`/act?zip=${n}`, page(`page ${n}`.repeat(100), 10));
      cache.get(`/act?zip=${n}`, 0); // each miss served once
    }
    await cache.settled();
    expect(cache.get("/act?zip=7", 0)?.compressedBest).toBe(false);
  });

  it("drops everything on clear", () => {
    const cache = new PageCache();
    cache.set("/a", page("a", 10));
    cache.set("/b", page("b", 10));
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("evicts the least recently used entries beyond its size in bytes", () => {
    const one = new PageCache().set("/x", page("a", 10));
    const entryBytes = one.body.length + one.gzip.length + one.br.length;
    const cache = new PageCache(entryBytes * 2);
    cache.set("/a", page("a", 10));
    cache.set("/b", page("b", 10));
    cache.get("/a", 0); // /a is now more recently used than /b
    cache.set("/c", page("c", 10));
    expect(cache.get("/b", 0)).toBeUndefined();
    expect(cache.get("/a", 0)).toBeDefined();
    expect(cache.get("/c", 0)).toBeDefined();
  });
});

describe("pickEncoding", () => {
  it.each([
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["identity", null],
    [undefined, null],
  ])("for %s chooses %s", (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});
