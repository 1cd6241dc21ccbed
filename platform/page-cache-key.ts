// The page cache's key for an anonymous GET: the path and only the query parameters the page reads,
// in a canonical order. Each cacheable route declares those in its module's `handle`
// (`export const handle = { cacheQuery: ["zip"] }`); every other parameter (utm_source, fbclid, a
// random one to bust the cache) is left out of the key, and out of the request the page is rendered
// from, so a cached page can never depend on a parameter its key does not hold. A route that
// declares nothing keys on its whole URL, as before (pages with tokens are never cached anyway).
// It does not decide what is cached (server/index.ts and platform/page-cache.ts do).
import { matchRoutes } from "react-router";
import type { RouteObject } from "react-router";

/** A route of the route table, as the server build lists it (flat, by parent id). */
export type CacheKeyRoute = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean; cacheQuery?: readonly string[] };

/** What a route module's `handle` says about the cache. */
export type CacheHandle = { cacheQuery?: readonly string[] };

/** Read by React Router itself on a data request (`/act.data?_routes=…`): which loaders run. */
const routerParams = ["_routes", "index"];

/** The path a data request (`/act.data`, `/_root.data`) stands for, as React Router reads it. */
export const pagePathOf = (pathname: string) => (pathname === "/_root.data" ? "/" : pathname.endsWith("/_.data") ? pathname.slice(0, -"_.data".length) : pathname.replace(/\.data$/, ""));

/** Builds the key function of a route table (once, at start). */
export function pageCacheKeys(routes: readonly CacheKeyRoute[]): (url: string) => string {
  const children = new Map<string | undefined, CacheKeyRoute[]>();
  for (const r of routes) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const tree = (parentId: string | undefined): RouteObject[] =>
    (children.get(parentId) ?? []).map((r) =>
      r.index ? { id: r.id, index: true, path: r.path, caseSensitive: r.caseSensitive, handle: r } : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, handle: r, children: tree(r.id) },
    );
  const table = tree(undefined);

  return (url: string) => {
    const parsed = new URL(url, "http://localhost");
    if (!parsed.search) return parsed.pathname; // nothing to keep or drop: no route match needed
    const matches = matchRoutes(table, pagePathOf(parsed.pathname));
    const declared = (matches?.at(-1)?.route.handle as CacheKeyRoute | undefined)?.cacheQuery;
    if (!declared) return `${parsed.pathname}${parsed.search}`;
    const kept = new Set([...declared, ...routerParams]);
    const params = [...parsed.searchParams].filter(([name]) => kept.has(name));
    // Sorted by name (stable: the values of a repeated name keep their order).
    params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const query = new URLSearchParams(params).toString();
    return query ? `${parsed.pathname}?${query}` : parsed.pathname;
  };
}
