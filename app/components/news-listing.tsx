// A news listing page: heading, count, the posts, the pager and the listing's feeds.
import type { ReactNode } from "react";
import { Pager, PostList } from "./post-list";
import type { PostCardData } from "./post-list";

export function NewsListing({
  heading,
  intro,
  listing,
  basePath,
  feeds,
}: {
  heading: ReactNode;
  intro?: ReactNode;
  listing: { posts: PostCardData[]; page: number; pageCount: number; total: number };
  basePath: string;
  feeds?: { rss: string; atom: string };
}) {
  return (
    <div className="page narrow">
      <h1>{heading}</h1>
      {intro}
      <p className="hint">
        {listing.total === 1 ? "1 post" : `${listing.total.toLocaleString("en-US")} posts`}
        {listing.pageCount > 1 ? `, page ${listing.page} of ${listing.pageCount}` : ""}
      </p>
      {listing.posts.length ? <PostList posts={listing.posts} /> : <p>Nothing has been published here yet.</p>}
      <Pager page={listing.page} pageCount={listing.pageCount} basePath={basePath} />
      {feeds ? (
        <p className="hint">
          Follow in a feed reader: <a href={feeds.rss}>RSS</a> or <a href={feeds.atom}>Atom</a>.
        </p>
      ) : null}
    </div>
  );
}
