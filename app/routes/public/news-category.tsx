import { data } from "react-router";
import { NewsListing } from "~/app/components/news-listing";
import { findCategory } from "~/domains/publishing/queries.server";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/news-category";
import { loadListing } from "./news-listing.server";
import { organisationNamesOf, pageTitle } from "~/app/page-title";

export const handle: CacheHandle = { cacheQuery: ["page"] };

export const meta: Route.MetaFunction = ({ data, matches }) => [
  pageTitle(matches, data?.category.name ?? "Category"),
  { name: "description", content: data?.category.description || `News from ${organisationNamesOf(matches).shortName} in ${data?.category.name ?? ""}.` },
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const category = await findCategory(context.services.db, params.slug);
  if (!category) throw data(null, { status: 404 });
  const listing = await loadListing(context, request, { categoryId: category.id });
  const feeds = { rss: `/news/category/${category.slug}/rss.xml`, atom: `/news/category/${category.slug}/atom.xml` };
  return {
    ...listing,
    category: { slug: category.slug, name: category.name, description: category.description },
    feeds,
    seo: { title: category.name, description: category.description, feeds: [{ title: category.name, ...feeds }] },
  };
}

export default function NewsCategory({ loaderData }: Route.ComponentProps) {
  const { category } = loaderData;
  return (
    <NewsListing
      heading={category.name}
      intro={category.description ? <p className="lead">{category.description}</p> : null}
      listing={loaderData}
      basePath={`/news/category/${category.slug}`}
      feeds={loaderData.feeds}
    />
  );
}
