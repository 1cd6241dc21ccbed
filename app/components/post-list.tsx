// Lists of posts (cards with date, reading time, category and excerpt) and the pager of a
// listing: plain links, so paging works without JavaScript.
import { Link } from "react-router";

export type PostCardData = {
  slug: string;
  title: string;
  excerpt: string;
  publishAt: string | Date;
  readingMinutes: number;
  category: { slug: string; name: string } | null;
  author: { slug: string; displayName: string } | null;
  image: { src: string; srcset: string; webpSrcset: string; width: number; height: number; alt: string } | null;
};

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
export const formatPostDate = (d: string | Date) => dateFormat.format(new Date(d));
export const isoDate = (d: string | Date) => new Date(d).toISOString();

export function ResponsiveImage({ image, sizes, className, eager }: { image: NonNullable<PostCardData["image"]>; sizes: string; className?: string; eager?: boolean }) {
  return (
    <picture>
      <source type="image/webp" srcSet={image.webpSrcset} sizes={sizes} />
      <img className={className} src={image.src} srcSet={image.srcset} sizes={sizes} width={image.width} height={image.height} alt={image.alt} loading={eager ? "eager" : "lazy"} decoding="async" />
    </picture>
  );
}

export function PostMeta({ post }: { post: Pick<PostCardData, "publishAt" | "readingMinutes" | "category"> }) {
  return (
    <p className="post-meta">
      <time dateTime={isoDate(post.publishAt)}>{formatPostDate(post.publishAt)}</time>
      <span aria-hidden="true"> · </span>
      {post.readingMinutes} min read
      {post.category ? (
        <>
          <span aria-hidden="true"> · </span>
          <Link to={`/news/category/${post.category.slug}`}>{post.category.name}</Link>
        </>
      ) : null}
    </p>
  );
}

export function PostList({ posts, headingLevel = 2 }: { posts: PostCardData[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="post-list">
      {posts.map((post) => (
        <li key={post.slug} className="post-card">
          {post.image ? <ResponsiveImage image={post.image} sizes="(min-width: 48rem) 14rem, 100vw" className="post-card-image" /> : null}
          <div>
            <Heading className="post-card-title">
              <Link to={`/news/${post.slug}`}>{post.title}</Link>
            </Heading>
            <PostMeta post={post} />
            {post.excerpt ? <p>{post.excerpt}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function Pager({ page, pageCount, basePath, query = {} }: { page: number; pageCount: number; basePath: string; query?: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => {
    const params = new URLSearchParams(query);
    if (n > 1) params.set("page", String(n));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          ← Newer
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next">
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
