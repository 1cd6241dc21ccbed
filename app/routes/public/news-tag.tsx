import { data } from "react-router";
import { NewsListing } from "~/app/components/news-listing";
import { findTag } from "~/domains/publishing/queries.server";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/news-tag";
import { loadListing } from "./news-listing.server";
import { organisationNamesOf, pageTitle } from "~/app/page-title";

export const handle: CacheHandle = { cacheQuery: ["page"] };

export const meta: Route.MetaFunction = ({ data, matches }) => [
  pageTitle(matches, `Posts tagged ${data?.tag.name ?? ""}`),
  { name: "description", content: `News from ${organisationNamesOf(matches).shortName} tagged ${data?.tag.name ?? ""}.` },
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const tag = await findTag(context.services.db, params.slug);
  if (!tag) throw data(null, { status: 404 });
  const listing = await loadListing(context, request, { tagId: tag.id });
  const feeds = { rss: `/news/tag/${tag.slug}/rss.xml`, atom: `/news/tag/${tag.slug}/atom.xml` };
  return { ...listing, tag: { slug: tag.slug, name: tag.name }, feeds, seo: { title: `Posts tagged ${tag.name}`, feeds: [{ title: `Posts tagged ${tag.name}`, ...feeds }] } };
}

export default function NewsTag({ loaderData }: Route.ComponentProps) {
  return <NewsListing heading={`Posts tagged “${loaderData.tag.name}”`} listing={loaderData} basePath={`/news/tag/${loaderData.tag.slug}`} feeds={loaderData.feeds} />;
}
