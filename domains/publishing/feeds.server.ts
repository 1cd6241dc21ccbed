// Feeds and the sitemap, written by well-kept libraries (`feed`: RSS 2.0 and Atom; `sitemap`), not
// by hand: what goes in them is ours, the XML is theirs.
import { Feed } from "feed";
import { SitemapIndexStream, SitemapStream, streamToPromise } from "sitemap";

export type FeedFormat = "rss" | "atom";
export type FeedPost = { slug: string; title: string; excerpt: string; html: string; publishAt: Date | null; updatedAt: Date; authorName: string | null; categoryName: string | null };

export type FeedChannel = {
  siteUrl: string;
  organisation: string;
  /** e.g. "News" or "Posts tagged Match season". */
  title: string;
  description: string;
  /** The listing page this feed follows, e.g. /news/tag/match-season. */
  path: string;
  /** The feed's own paths, e.g. /news/tag/match-season/rss.xml. */
  rssPath: string;
  atomPath: string;
};

/** Absolute links: relative ones in post bodies would point nowhere in a feed reader. */
const absoluteLinks = (html: string, siteUrl: string) => html.replace(/(href|src)="\/(?!\/)/g, `$1="${siteUrl}/`);

export function renderFeed(channel: FeedChannel, items: FeedPost[], format: FeedFormat): string {
  const { siteUrl } = channel;
  const feed = new Feed({
    id: `${siteUrl}${channel.path}`,
    link: `${siteUrl}${channel.path}`,
    title: `${channel.title} — ${channel.organisation}`,
    description: channel.description,
    language: "en",
    copyright: `© ${channel.organisation}`,
    updated: items[0]?.updatedAt ?? new Date(0),
    generator: channel.organisation,
    favicon: `${siteUrl}/favicon.ico`,
    feedLinks: { rss: `${siteUrl}${channel.rssPath}`, atom: `${siteUrl}${channel.atomPath}` },
    author: { name: channel.organisation, link: siteUrl },
  });
  for (const post of items) {
    const link = `${siteUrl}/news/${post.slug}`;
    feed.addItem({
      title: post.title,
      id: link,
      link,
      description: post.excerpt,
      content: absoluteLinks(post.html, siteUrl),
      date: post.updatedAt,
      published: post.publishAt ?? post.updatedAt,
      author: [{ name: post.authorName ?? channel.organisation }],
      category: post.categoryName ? [{ name: post.categoryName }] : undefined,
    });
  }
  return format === "rss" ? feed.rss2() : feed.atom1();
}

/**
 * A sitemap index (sitemap.xml): the sitemap files, absolute. Posts fill files of their own,
 * 1,000 each, so no one file grows with the site (the protocol stops a file at 50,000 URLs) and
 * each is written quickly: the library spends some 15 µs a URL, most of it in its streams.
 */
export async function renderSitemapIndex(siteUrl: string, files: { path: string; updatedAt?: Date }[]): Promise<string> {
  const stream = new SitemapIndexStream();
  const done = streamToPromise(stream);
  for (const file of files) stream.write({ url: `${siteUrl}${file.path}`, lastmod: file.updatedAt?.toISOString() });
  stream.end();
  return (await done).toString("utf8");
}

export type SitemapEntry = { path: string; updatedAt?: Date; changefreq?: "daily" | "weekly" | "monthly"; priority?: number };

export async function renderSitemap(siteUrl: string, entries: SitemapEntry[]): Promise<string> {
  const stream = new SitemapStream({ hostname: siteUrl, xmlns: { news: false, xhtml: false, image: false, video: false } });
  const items = entries.map((e) => ({ url: e.path, lastmod: e.updatedAt?.toISOString(), changefreq: e.changefreq, priority: e.priority }));
  const done = streamToPromise(stream);
  // Written in one go rather than piped item by item: a tick per URL costs more than the XML.
  for (const item of items) stream.write(item);
  stream.end();
  return (await done).toString("utf8");
}
