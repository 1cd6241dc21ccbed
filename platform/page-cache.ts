// In-process cache of anonymous public pages. Only GET responses that a route marked public,
// with status 200, no Set-Cookie, for a request with no session cookie, are kept; so one
// person's page is never served to another. Each entry carries its own expiry (e.g. the next
// office-hours change shown in the footer); `clear()` runs when any process announces a
// content change. Bodies are compressed once, at insertion.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  expiresAt: number;
};

export class PageCache {
  private entries = new Map<string, CachedPage>();
  constructor(private readonly maxEntries = 500) {}

  get(key: string, now: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, page: Omit<CachedPage, "gzip" | "br">): CachedPage {
    const entry: CachedPage = {
      ...page,
      gzip: gzipSync(page.body, { level: 9 }),
      br: brotliCompressSync(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    };
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Chooses the encoding the client accepts: br, then gzip, then none. */
export function pickEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  if (/\bbr\b/.test(acceptEncoding)) return "br";
  if (/\bgzip\b/.test(acceptEncoding)) return "gzip";
  return null;
}
