// RSS 2.0 and Atom feeds with full content: all news, per tag, per category (one module, several
// routes in app/routes.ts; the format is the file name asked for).
import { data } from "react-router";
import { siteSettingsFor } from "~/app/site-settings.server";
import { renderFeed } from "~/domains/publishing/feeds.server";
import type { FeedChannel } from "~/domains/publishing/feeds.server";
import { feedPosts, findCategory, findTag } from "~/domains/publishing/queries.server";
import type { ListingFilter } from "~/domains/publishing/queries.server";
import type { Route } from "./+types/feed";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { db, appUrl } = context.services;
  const path = new URL(request.url).pathname;
  const format = path.endsWith("/atom.xml") ? "atom" : "rss";
  const { organisation } = await siteSettingsFor(context);
  let filter: ListingFilter = {};
  let channel: Omit<FeedChannel, "siteUrl" | "organisation" | "rssPath" | "atomPath"> = { title: "News", description: `News from ${organisation.name}.`, path: "/news" };
  if (path.startsWith("/news/tag/")) {
    const tag = await findTag(db, params.slug ?? "");
    if (!tag) throw data(null, { status: 404 });
    filter = { tagId: tag.id };
    channel = { title: `Posts tagged ${tag.name}`, description: `News from ${organisation.name} tagged ${tag.name}.`, path: `/news/tag/${tag.slug}` };
  } else if (path.startsWith("/news/category/")) {
    const category = await findCategory(db, params.slug ?? "");
    if (!category) throw data(null, { status: 404 });
    filter = { categoryId: category.id };
    channel = { title: category.name, description: category.description || `News from ${organisation.name} in ${category.name}.`, path: `/news/category/${category.slug}` };
  }
  const items = await feedPosts(db, filter);
  const xml = renderFeed({ ...channel, siteUrl: appUrl, organisation: organisation.name, rssPath: `${channel.path}/rss.xml`, atomPath: `${channel.path}/atom.xml` }, items, format);
  return new Response(xml, {
    headers: { "Content-Type": format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
