import { data } from "react-router";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/newsletter-archive-issue";
import { formatDate } from "~/app/format";
import { pageTitle } from "~/app/page-title";
import { findArchived } from "~/domains/email/newsletters/newsletter-reports.server";
import { renderMarkdown } from "~/platform/markdown.server";
import { markPublic } from "~/platform/request-context";

export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ data, matches }) => [pageTitle(matches, data && "subject" in data ? data.subject : "Newsletter")];

export async function loader({ params, context }: Route.LoaderArgs) {
  const issue = await findArchived(context.services.db, params.publicId);
  if (!issue) throw data({ message: "No such newsletter in the archive." }, { status: 404 });
  markPublic(context);
  return {
    subject: issue.subject,
    sentAt: issue.sentAt?.toISOString() ?? null,
    seo: { title: issue.subject, description: issue.preheader || undefined, type: "article" as const, publishedTime: issue.sentAt?.toISOString() },
    html: renderMarkdown(issue.markdown).replace(/<(\/?)h([1-5])\b/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`),
  };
}

export default function NewsletterArchiveIssue({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <p>
        <a href="/newsletter/archive">Newsletter archive</a>
      </p>
      <h1>{loaderData.subject}</h1>
      {loaderData.sentAt ? <p>Sent {formatDate(new Date(loaderData.sentAt))}</p> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered and sanitised by platform/markdown.server.ts (sanitize-html) */}
      <article className="prose" dangerouslySetInnerHTML={{ __html: loaderData.html }} />
      <p>
        <a href="/newsletter">Subscribe to the newsletter</a>
      </p>
    </div>
  );
}
