// The sitemap, written by the `sitemap` library: sitemap.xml is an index of the files that list
// every public page: sitemap-pages.xml (the fixed pages, pages, tags, categories, authors,
// campaigns, open letters and the state pages) and sitemap-posts.xml?page=N (the posts, 1,000 a
// file, oldest first). One module, three routes in app/routes.ts.
import { data } from "react-router";
import { listLegislatorCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { listOpenLetters } from "~/domains/advocacy/open-letters/open-letters.server";
import { listStatePathways } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { renderSitemap, renderSitemapIndex } from "~/domains/publishing/feeds.server";
import type { SitemapEntry } from "~/domains/publishing/feeds.server";
import { publicAddresses, sitemapFiles, sitemapPosts } from "~/domains/publishing/queries.server";
import type { Route } from "./+types/sitemap";

const fixedPages = ["/", "/about", "/numbers", "/news", "/act", "/letters", "/join", "/newsletter", "/contact"];
const xml = (body: string) => new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-cache" } });

export async function loader({ context, request }: Route.LoaderArgs) {
  const { db, appUrl } = context.services;
  const url = new URL(request.url);
  if (url.pathname === "/sitemap-posts.xml") {
    const page = url.searchParams.get("page") ?? "1";
    if (!/^[1-9]\d{0,5}$/.test(page)) throw data(null, { status: 404 });
    const entries = await sitemapPosts(db, Number(page));
    if (entries.length === 0) throw data(null, { status: 404 });
    return xml(await renderSitemap(appUrl, entries));
  }
  if (url.pathname === "/sitemap-pages.xml") {
    const [addresses, campaigns, letters, states] = await Promise.all([publicAddresses(db), listLegislatorCampaigns(db), listOpenLetters(db), listStatePathways(db)]);
    const entries: SitemapEntry[] = [
      ...fixedPages.map((path) => ({ path, changefreq: "weekly" as const, priority: path === "/" ? 1 : 0.8 })),
      ...addresses,
      ...campaigns.map((c) => ({ path: `/act/${c.slug}` })),
      ...letters.map((l) => ({ path: `/letters/${l.slug}` })),
      ...states.map((s) => ({ path: `/act/state/${s.state}` })),
    ];
    return xml(await renderSitemap(appUrl, entries));
  }
  return xml(await renderSitemapIndex(appUrl, await sitemapFiles(db)));
}
