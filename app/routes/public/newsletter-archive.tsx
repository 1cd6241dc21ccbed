import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/newsletter-archive";
import { formatDate } from "~/app/format";
import { pageTitle } from "~/app/page-title";
import { listArchive } from "~/domains/email/newsletters/newsletter-reports.server";
import { markPublic } from "~/platform/request-context";

export const handle: CacheHandle = { cacheQuery: [] };

const description = "Every newsletter we have sent, to read on the web or follow by RSS.";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Newsletter archive"), { name: "description", content: description }];

export async function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  const issues = await listArchive(context.services.db);
  return {
    issues: issues.map((i) => ({ publicId: i.publicId, subject: i.subject, preheader: i.preheader, sentAt: i.sentAt?.toISOString() ?? null })),
    // The feed's <link rel="alternate"> comes from here (root's SocialMeta), with the organisation's name.
    seo: { title: "Newsletter archive", description, feeds: [{ title: "Newsletter", rss: "/newsletter/archive.rss" }] },
  };
}

export default function NewsletterArchive({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Newsletter archive</h1>
      <p className="lead">
        Every newsletter we have sent. <a href="/newsletter">Subscribe</a> to get the next one, or follow the <a href="/newsletter/archive.rss">RSS feed</a>.
      </p>
      {loaderData.issues.length === 0 ? <p>No newsletter has been sent yet.</p> : null}
      <ul className="plain-list">
        {loaderData.issues.map((i) => (
          <li key={i.publicId}>
            <a href={`/newsletter/archive/${i.publicId}`}>{i.subject}</a>
            {i.sentAt ? <> · {formatDate(new Date(i.sentAt))}</> : null}
            {i.preheader ? <p>{i.preheader}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
