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

const sizeOf = (page: CachedPage) => page.body.length + page.gzip.length + page.br.length;

/** Least-recently-used, bounded by the bytes it holds (bodies and their compressed copies). */
export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string, now: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= now) {
      this.bytes -= sizeOf(entry);
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  set(key: string, page: Omit<CachedPage, "gzip" | "br">): CachedPage {
    const entry: CachedPage = {
      ...page,
      gzip: gzipSync(page.body, { level: 9 }),
      br: brotliCompressSync(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    };
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= sizeOf(previous);
    }
    this.entries.set(key, entry);
    this.bytes += sizeOf(entry);
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldestKey);
      this.bytes -= sizeOf(oldest);
    }
    return entry;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
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
