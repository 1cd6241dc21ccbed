// The shared loader of the news listings (all posts, by tag, by category, by author): the page
// asked for, its posts, the count, and the feeds the listing offers.
import { data } from "react-router";
import type { AppLoadContext } from "react-router";
import type { ListingFilter } from "~/domains/publishing/queries.server";
import { listPublishedPosts } from "~/domains/publishing/queries.server";
import { pageNumberOf, paginate } from "~/domains/publishing/rules";
import { markPublic } from "~/platform/request-context";

export async function loadListing(context: AppLoadContext, request: Request, filter: ListingFilter) {
  const page = pageNumberOf(new URL(request.url).searchParams.get("page"));
  const listing = await listPublishedPosts(context.services.db, filter, page);
  const pagination = paginate(listing.total, page);
  if (page > pagination.pageCount) throw data(null, { status: 404 });
  markPublic(context);
  return { posts: listing.posts, ...pagination };
}
