import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { PageCache, pickEncoding } from "./page-cache";

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
