// The page cache's key, on the app's own route table: each cacheable route's declared query
// parameters (its module's `handle.cacheQuery`, read here from the source) are kept, the rest dropped.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import routeConfig from "~/app/routes";
import { pageCacheKeys } from "./page-cache-key";
import type { CacheKeyRoute } from "./page-cache-key";

const appDir = path.resolve(__dirname, "../app");
const source = (file: string) => readFileSync(path.join(appDir, file), "utf8");
const declaredQuery = (file: string): string[] | undefined => {
  const m = /export const handle: CacheHandle = \{ cacheQuery: \[([^\]]*)\] \}/.exec(source(file));
  return m ? [...m[1].matchAll(/"([^"]+)"/g)].map((q) => q[1]) : undefined;
};

type Config = { file: string; path?: string; index?: boolean; children?: Config[] };
const flatten = (list: Config[], parentId: string): CacheKeyRoute[] =>
  list.flatMap((r) => [{ id: r.file, parentId, path: r.path, index: r.index, cacheQuery: declaredQuery(r.file) }, ...flatten(r.children ?? [], r.file)]);
const keyOf = pageCacheKeys([{ id: "root" }, ...flatten(routeConfig as Config[], "root")]);

describe("the page cache key", () => {
  it("ignores parameters a page does not read: /?utm_source=x and / share a key", () => {
    expect(keyOf("/?utm_source=x")).toBe("/");
    expect(keyOf("/")).toBe("/");
    expect(keyOf("/about?fbclid=abc&utm_medium=mail")).toBe("/about");
    expect(keyOf("/act?zip=13202&nocache=123")).toBe("/act?zip=13202");
  });

  it("keeps the parameters a page reads: /act?zip=13202 and /act?zip=10001 do not share a key", () => {
    expect(keyOf("/act?zip=13202")).not.toBe(keyOf("/act?zip=10001"));
    expect(keyOf("/api/legislators?zip=13202")).toBe("/api/legislators?zip=13202");
    expect(keyOf("/act/state/NY?q=Smith&x=1")).toBe("/act/state/NY?q=Smith");
  });

  it("does not depend on the order of the parameters", () => {
    expect(keyOf("/act/residency-shortage-act?zip=13202&district=NY-22")).toBe(keyOf("/act/residency-shortage-act?district=NY-22&utm_source=x&zip=13202"));
    expect(keyOf("/act/residency-shortage-act?zip=13202&district=NY-22")).toBe("/act/residency-shortage-act?district=NY-22&zip=13202");
  });

  it("keeps what React Router reads on a data request", () => {
    expect(keyOf("/act.data?utm_source=x&zip=13202&_routes=routes%2Fact%2Fact")).toBe("/act.data?_routes=routes%2Fact%2Fact&zip=13202");
    expect(keyOf("/_root.data?utm_source=x")).toBe("/_root.data");
  });

  it("keys a page that declares nothing on its whole URL, as before", () => {
    expect(keyOf("/newsletter/confirm?token=abc")).toBe("/newsletter/confirm?token=abc");
    expect(keyOf("/no-such-page?x=1")).toBe("/no-such-page?x=1");
  });
});

describe("cacheable routes", () => {
  const files = (dir: string): string[] => readdirSync(path.join(appDir, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  // Route modules only: a `.server.ts` file beside them is a helper (it cannot be a route), read through the route that imports it.
  const publicRoutes = files("routes").filter((f) => !f.endsWith(".test.ts") && !f.endsWith(".server.ts") && source(f).includes("markPublic(context)"));

  it.each(publicRoutes)("%s declares every query parameter it reads", (file) => {
    const declared = declaredQuery(file);
    expect(declared, "a public route declares handle.cacheQuery").toBeDefined();
    const read = [...source(file).matchAll(/searchParams\.(?:get|getAll|has)\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(declared).toEqual(expect.arrayContaining(read));
  });
});
