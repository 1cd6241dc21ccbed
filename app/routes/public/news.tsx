import { NewsListing } from "~/app/components/news-listing";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/news";
import { loadListing } from "./news-listing.server";
import { organisationNamesOf, pageTitle } from "~/app/page-title";

export const handle: CacheHandle = { cacheQuery: ["page"] };

export const meta: Route.MetaFunction = ({ data, matches }) => [
  pageTitle(matches, data && data.page > 1 ? `News, page ${data.page}` : "News"),
  { name: "description", content: `News from the ${organisationNamesOf(matches).name}: members' stories, legislative updates and match-season advice.` },
];

export async function loader({ context, request }: Route.LoaderArgs) {
  const listing = await loadListing(context, request, {});
  return { ...listing, seo: { title: "News", description: "Members' stories, legislative updates and match-season advice." } };
}

export default function News({ loaderData }: Route.ComponentProps) {
  return <NewsListing heading="News" listing={loaderData} basePath="/news" feeds={{ rss: "/news/rss.xml", atom: "/news/atom.xml" }} />;
}
