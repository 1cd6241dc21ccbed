import { data } from "react-router";
import { NewsListing } from "~/app/components/news-listing";
import { ResponsiveImage } from "~/app/components/post-list";
import { findAuthor } from "~/domains/publishing/queries.server";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/news-author";
import { loadListing } from "./news-listing.server";
import { organisationNamesOf, pageTitle } from "~/app/page-title";

export const handle: CacheHandle = { cacheQuery: ["page"] };

export const meta: Route.MetaFunction = ({ data, matches }) => [
  pageTitle(matches, `Posts by ${data?.author.displayName ?? ""}`),
  { name: "description", content: data?.author.bio || `News from ${organisationNamesOf(matches).shortName} by ${data?.author.displayName ?? ""}.` },
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const author = await findAuthor(context.services.db, { slug: params.slug });
  if (!author) throw data(null, { status: 404 });
  const listing = await loadListing(context, request, { authorId: author.personId });
  return {
    ...listing,
    author: { slug: author.slug, displayName: author.displayName, bio: author.bio, photo: author.photo },
    seo: { title: `Posts by ${author.displayName}`, description: author.bio },
  };
}

export default function NewsAuthor({ loaderData }: Route.ComponentProps) {
  const { author } = loaderData;
  return (
    <NewsListing
      heading={`Posts by ${author.displayName}`}
      intro={
        <div className="author-box">
          {author.photo ? <ResponsiveImage image={author.photo} sizes="5rem" className="author-photo" /> : null}
          {author.bio ? <p>{author.bio}</p> : null}
        </div>
      }
      listing={loaderData}
      basePath={`/news/author/${author.slug}`}
    />
  );
}
