import { data, Link, redirect } from "react-router";
import { PostList, PostMeta, ResponsiveImage } from "~/app/components/post-list";
import { ShareLinks } from "~/app/components/share-links";
import { siteSettingsFor } from "~/app/site-settings.server";
import { adjacentPosts, findPublicPost, relatedPosts } from "~/domains/publishing/queries.server";
import type { CacheHandle } from "~/platform/page-cache-key";
import { markPublic } from "~/platform/request-context";
import type { Route } from "./+types/news-post";
import { pageTitle } from "~/app/page-title";

export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ data, matches }) => [pageTitle(matches, data?.post.title ?? "News"), { name: "description", content: data?.post.excerpt ?? "" }];

export async function loader({ context, params }: Route.LoaderArgs) {
  const { db, appUrl } = context.services;
  const found = await findPublicPost(db, "post", params.slug);
  if (!found) throw data(null, { status: 404 });
  if ("movedTo" in found) throw redirect(`/news/${found.movedTo}`, 301);
  const [{ previous, next }, related, { organisation }] = await Promise.all([adjacentPosts(db, found), relatedPosts(db, found), siteSettingsFor(context)]);
  markPublic(context);
  const url = `${appUrl}/news/${found.slug}`;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: found.title,
    description: found.excerpt,
    datePublished: found.publishAt.toISOString(),
    dateModified: found.updatedAt.toISOString(),
    mainEntityOfPage: url,
    url,
    ...(found.image ? { image: [`${appUrl}${found.image.src}`] } : {}),
    author: found.author ? { "@type": "Person", name: found.author.displayName, url: `${appUrl}/news/author/${found.author.slug}` } : { "@type": "Organization", name: organisation.name },
    publisher: { "@type": "Organization", name: organisation.name, logo: { "@type": "ImageObject", url: `${appUrl}/icon-512.png` } },
  };
  return {
    post: found,
    previous,
    next,
    related,
    url,
    organisationName: organisation.name,
    seo: { title: found.title, description: found.excerpt, image: found.image?.src, type: "article" as const, jsonLd, publishedTime: found.publishAt.toISOString() },
  };
}

export default function NewsPost({ loaderData }: Route.ComponentProps) {
  const { post, previous, next, related, url, organisationName } = loaderData;
  return (
    <article className="page narrow prose post">
      <p className="hint">
        <Link to="/news">← News</Link>
      </p>
      <h1>{post.title}</h1>
      <PostMeta post={post} />
      <p className="byline">
        {post.author ? (
          <>
            By <Link to={`/news/author/${post.author.slug}`}>{post.author.displayName}</Link>
          </>
        ) : (
          <>By {organisationName}</>
        )}
      </p>
      {post.image ? (
        <figure className="feature-image">
          <ResponsiveImage image={post.image} sizes="(min-width: 48rem) 46rem, 100vw" eager />
        </figure>
      ) : null}
      {post.excerpt ? <p className="lead">{post.excerpt}</p> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised at save by platform/markdown.server.ts (marked + sanitize-html) */}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
      {post.tags.length ? (
        <ul className="tag-list" aria-label="Tags">
          {post.tags.map((tag) => (
            <li key={tag.slug}>
              <Link to={`/news/tag/${tag.slug}`}>{tag.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {post.author ? (
        <aside className="author-box" aria-label="About the author">
          {post.author.photo ? <ResponsiveImage image={post.author.photo} sizes="5rem" className="author-photo" /> : null}
          <div>
            <p>
              <strong>{post.author.displayName}</strong>
            </p>
            {post.author.bio ? <p>{post.author.bio}</p> : null}
          </div>
        </aside>
      ) : null}
      <h2 className="visually-hidden">Share</h2>
      <ShareLinks url={url} title={post.title} text={post.title} />
      {previous || next ? (
        <nav className="post-nav" aria-label="Previous and next posts">
          {previous ? (
            <Link to={`/news/${previous.slug}`} rel="prev">
              ← Previous: {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link to={`/news/${next.slug}`} rel="next">
              Next: {next.title} →
            </Link>
          ) : null}
        </nav>
      ) : null}
      {related.length ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">Related posts</h2>
          <PostList posts={related} headingLevel={3} />
        </section>
      ) : null}
    </article>
  );
}
