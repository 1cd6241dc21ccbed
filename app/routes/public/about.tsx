import { data } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/about";
import { findPage } from "~/domains/site/queries.server";
import { renderMarkdown } from "~/platform/markdown.server";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ data: page, matches }) => [pageTitle(matches, `${page?.title ?? "About"}`), { name: "description", content: page?.summary ?? "" }];

export async function loader({ context }: Route.LoaderArgs) {
  const page = await findPage(context.services.db, "about");
  if (!page) throw data(null, { status: 404 });
  markPublic(context);
  return { title: page.title, summary: page.summary, html: renderMarkdown(page.bodyMarkdown) };
}

export default function About({ loaderData }: Route.ComponentProps) {
  return (
    <article className="page narrow prose">
      <h1>{loaderData.title}</h1>
      <p className="lead">{loaderData.summary}</p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered and sanitised by platform/markdown.server.ts (sanitize-html) */}
      <div dangerouslySetInnerHTML={{ __html: loaderData.html }} />
    </article>
  );
}
