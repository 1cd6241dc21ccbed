import { data, redirect } from "react-router";
import { findPublicPost } from "~/domains/publishing/queries.server";
import type { CacheHandle } from "~/platform/page-cache-key";
import { markPublic } from "~/platform/request-context";
import type { Route } from "./+types/page";
import { pageTitle } from "~/app/page-title";

export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ data, matches }) => [pageTitle(matches, data?.page.title ?? "Page"), { name: "description", content: data?.page.excerpt ?? "" }];

export async function loader({ context, params }: Route.LoaderArgs) {
  const found = await findPublicPost(context.services.db, "page", params.slug);
  if (!found) throw data(null, { status: 404 });
  if ("movedTo" in found) throw redirect(`/pages/${found.movedTo}`, 301);
  markPublic(context);
  return { page: found, seo: { title: found.title, description: found.excerpt, image: found.image?.src } };
}

export default function Page({ loaderData }: Route.ComponentProps) {
  const { page } = loaderData;
  return (
    <article className="page narrow prose">
      <h1>{page.title}</h1>
      {page.excerpt ? <p className="lead">{page.excerpt}</p> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised at save by platform/markdown.server.ts (marked + sanitize-html) */}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: page.html }} />
    </article>
  );
}
