// sitemap.xml: every public page — the fixed pages, news, posts, pages, tags, categories, authors,
// campaigns, open letters and the state pages — written by the `sitemap` library.
import { listLegislatorCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { listOpenLetters } from "~/domains/advocacy/open-letters/open-letters.server";
import { listStatePathways } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { renderSitemap } from "~/domains/publishing/feeds.server";
import type { SitemapEntry } from "~/domains/publishing/feeds.server";
import { publicAddresses } from "~/domains/publishing/queries.server";
import type { Route } from "./+types/sitemap";

const fixedPages = ["/", "/about", "/numbers", "/news", "/act", "/letters", "/join", "/newsletter", "/contact"];

export async function loader({ context }: Route.LoaderArgs) {
  const { db, appUrl } = context.services;
  const [addresses, campaigns, letters, states] = await Promise.all([publicAddresses(db), listLegislatorCampaigns(db), listOpenLetters(db), listStatePathways(db)]);
  const entries: SitemapEntry[] = [
    ...fixedPages.map((path) => ({ path, changefreq: "weekly" as const, priority: path === "/" ? 1 : 0.8 })),
    ...addresses,
    ...campaigns.map((c) => ({ path: `/act/${c.slug}` })),
    ...letters.map((l) => ({ path: `/letters/${l.slug}` })),
    ...states.map((s) => ({ path: `/act/state/${s.state}` })),
  ];
  return new Response(await renderSitemap(appUrl, entries), { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-cache" } });
}
