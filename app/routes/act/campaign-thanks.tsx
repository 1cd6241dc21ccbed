import { data } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/campaign-thanks";
import { ShareLinks } from "~/app/components/share-links";
import { findLegislatorCampaign } from "~/domains/advocacy/campaigns/campaigns.server";
import { renderMarkdown } from "~/platform/markdown.server";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Thank you")];

export async function loader({ params, context }: Route.LoaderArgs) {
  const campaign = await findLegislatorCampaign(context.services.db, params.slug);
  if (!campaign) throw data({ message: "No such campaign." }, { status: 404 });
  markPublic(context);
  return {
    seo: { title: campaign.title, description: "Write to your legislators in two minutes." },
    title: campaign.title,
    thankYouHtml: renderMarkdown(campaign.thankYouMarkdown),
    shareUrl: `${context.services.appUrl}/act/${campaign.slug}`,
    appUrl: context.services.appUrl,
  };
}

export default function CampaignThanks({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Thank you</h1>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered and sanitised by platform/markdown.server.ts (sanitize-html) */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: loaderData.thankYouHtml }} />
      <ShareLinks url={loaderData.shareUrl} title={loaderData.title} text={`Write to your legislators: “${loaderData.title}”. It takes two minutes:`} />
    </div>
  );
}
