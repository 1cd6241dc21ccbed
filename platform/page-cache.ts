// In-process cache of anonymous public pages. Only GET responses that a route marked public,
// with status 200, no Set-Cookie, for a request with no session cookie, are kept; so one
// person's page is never served to another. Each entry carries its own expiry (e.g. the next
// office-hours change shown in the footer); `clear()` runs when any process announces a
// content change. Bodies are compressed at insertion, on the request's thread, at levels that suit
// a miss (gzip 6, Brotli 5: tens of times cheaper than the best levels, 10–20 % larger: see
// `npm run bench:cache`); a page visited again is compressed once more at the best levels off the
// request's thread (zlib's thread pool), one page at a time, so a flood of misses that are never
// visited again (a cache-busting bot) costs no more than the misses themselves.
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  expiresAt: number;
  /** The copies are at the best levels (made once the page is served again). */
  compressedBest: boolean;
  /** Times served; the first is the miss itself (server/index.ts serves a miss from its new entry). */
  served: number;
};

export type CompressionLevels = { gzip: number; brotli: number };
/** On a miss, on the request thread. */
export const missLevels: CompressionLevels = { gzip: 6, brotli: 5 };
/** For a page visited again, off the request thread; also what every miss used to pay. */
export const bestLevels: CompressionLevels = { gzip: 9, brotli: 11 };

const brotliOptions = (body: Buffer, quality: number) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });

/** Gzip and Brotli copies of a body at these levels, on this thread. */
export function compressPage(body: Buffer, levels: CompressionLevels): { gzip: Buffer; br: Buffer } {
  return { gzip: gzipSync(body, { level: levels.gzip }), br: brotliCompressSync(body, brotliOptions(body, levels.brotli)) };
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** The same in zlib's thread pool. */
async function compressPageOffThread(body: Buffer, levels: CompressionLevels): Promise<{ gzip: Buffer; br: Buffer }> {
  const [gz, br] = await Promise.all([gzipAsync(body, { level: levels.gzip }), brotliAsync(body, brotliOptions(body, levels.brotli))]);
  return { gzip: gz, br };
}

/** Pages waiting for their best compression, at most; beyond, a page keeps its miss copies. */
const maxWaitingUpgrades = 64;

const sizeOf = (page: CachedPage) => page.body.length + page.gzip.length + page.br.length;

/** Least-recently-used, bounded by the bytes it holds (bodies and their compressed copies). */
export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  private waitingUpgrades = new Set<string>();
  private upgrading: Promise<void> | null = null;
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
    entry.served++;
    if (entry.served >= 2 && !entry.compressedBest) this.upgradeLater(key);
    return entry;
  }

  set(key: string, page: Omit<CachedPage, "gzip" | "br" | "compressedBest" | "served">): CachedPage {
    const entry: CachedPage = { ...page, ...compressPage(page.body, missLevels), compressedBest: false, served: 0 };
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
    this.waitingUpgrades.clear();
    this.bytes = 0;
  }

  /** Resolves once no page waits for its best compression (for tests and benches). */
  async settled(): Promise<void> {
    while (this.upgrading) await this.upgrading;
  }

  private upgradeLater(key: string): void {
    if (this.waitingUpgrades.size >= maxWaitingUpgrades) return;
    this.waitingUpgrades.add(key);
    this.startUpgrades();
  }

  private startUpgrades(): void {
    if (this.upgrading) return;
    this.upgrading = this.runUpgrades().finally(() => {
      this.upgrading = null;
      if (this.waitingUpgrades.size) this.startUpgrades();
    });
  }

  private async runUpgrades(): Promise<void> {
    for (const key of this.waitingUpgrades) {
      this.waitingUpgrades.delete(key);
      const entry = this.entries.get(key);
      if (!entry || entry.compressedBest) continue;
      const best = await compressPageOffThread(entry.body, bestLevels).catch(() => null);
      // Replaced, dropped or cleared meanwhile: the new entry will have its own turn.
      if (!best || this.entries.get(key) !== entry) continue;
      this.bytes -= sizeOf(entry);
      entry.gzip = best.gzip;
      entry.br = best.br;
      entry.compressedBest = true;
      this.bytes += sizeOf(entry);
    }
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
