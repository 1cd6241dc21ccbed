import { Feed } from "feed";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/newsletter-archive-rss";
import { siteSettingsFor } from "~/app/site-settings.server";
import { listArchive } from "~/domains/email/newsletters/newsletter-reports.server";
import { renderMarkdown } from "~/platform/markdown.server";
import { markPublic } from "~/platform/request-context";

export const handle: CacheHandle = { cacheQuery: [] };

// The archive as RSS 2.0 (the `feed` package): sent, non-private newsletters, newest first.
export async function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  const { appUrl, db } = context.services;
  const { organisation } = await siteSettingsFor(context);
  const issues = await listArchive(db, 30);
  const feed = new Feed({
    title: `${organisation.name} newsletter`,
    description: `Every newsletter the ${organisation.name} has sent.`,
    id: `${appUrl}/newsletter/archive`,
    link: `${appUrl}/newsletter/archive`,
    language: "en",
    copyright: organisation.name,
    updated: issues[0]?.sentAt ?? undefined,
    feedLinks: { rss: `${appUrl}/newsletter/archive.rss` },
  });
  for (const issue of issues) {
    const link = `${appUrl}/newsletter/archive/${issue.publicId}`;
    feed.addItem({ title: issue.subject, id: link, link, description: issue.preheader || undefined, content: renderMarkdown(issue.markdown), date: issue.sentAt ?? new Date(0) });
  }
  return new Response(feed.rss2(), { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
