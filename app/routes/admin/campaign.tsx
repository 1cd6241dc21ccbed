import { data, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/campaign";
import { CampaignForm } from "~/app/components/campaign-form";
import { actorOf, requireStaff } from "~/app/session.server";
import { placeholders } from "~/domains/advocacy/campaigns/campaign-rules";
import { findCampaignBySlug } from "~/domains/advocacy/campaigns/campaigns.server";
import { campaignInputSchema, updateCampaign } from "~/domains/advocacy/campaigns/save-campaign.server";
import { parseForm, withAppErrors } from "~/app/form-data";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `${d?.title ?? "Campaign"}`, "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const c = await findCampaignBySlug(args.context.services.db, args.params.slug);
  if (!c) throw data({ message: "No such campaign." }, { status: 404 });
  const values: Record<string, string> = {
    kind: c.kind,
    slug: c.slug,
    title: c.title,
    addressee: c.addressee,
    summary: c.summary,
    backgroundMarkdown: c.backgroundMarkdown,
    letterSubject: c.letterSubject,
    letterMarkdown: c.letterMarkdown,
    supporterLetterMarkdown: c.supporterLetterMarkdown,
    supporterLetterSubject: c.supporterLetterSubject,
    organisationStatement: c.organisationStatement,
    talkingPoints: c.talkingPoints,
    phoneScript: c.phoneScript,
    thankYouMarkdown: c.thankYouMarkdown,
    targets: c.targets.join(","),
    targetStates: c.targetStates.join(", "),
    bill: c.bill,
    usesStatePathways: c.usesStatePathways ? "on" : "",
    startsOn: c.startsOn ?? "",
    endsOn: c.endsOn ?? "",
    goal: String(c.goal),
    sortOrder: String(c.sortOrder),
    isPublished: c.isPublished ? "on" : "",
  };
  return { csrf: viewer.csrfToken, title: c.title, kind: c.kind, slug: c.slug, values };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const form = parseForm(formData, campaignInputSchema, { repeated: ["targets"] });
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    const slug = await updateCampaign(args.context.services.db, actorOf(viewer, args.context), args.params.slug, form.value, args.context.services.clock());
    return redirectWithFlash(`/admin/campaigns/${slug}`, confirmations.campaignSaved, args.context);
  });
}

export default function CampaignEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { slug, kind, title } = loaderData;
  const publicPath = kind === "legislator-letter" ? `/act/${slug}` : `/letters/${slug}`;
  return (
    <>
      <p>
        <Link to="/admin/campaigns">← Campaigns</Link>
      </p>
      <h1>{title}</h1>
      <p className="console-actions">
        <a href={publicPath}>Public page</a>
        {kind === "legislator-letter" ? (
          <>
            {" · "}
            <Link to={`/admin/campaigns/${slug}/supporters`}>Supporters (cosponsors)</Link>
            {" · "}
            <Link to={`/admin/campaigns/${slug}/results`}>Results</Link>
          </>
        ) : null}
      </p>
      <CampaignForm
        csrf={loaderData.csrf}
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.fieldErrors ?? {}}
        formError={actionData?.formError}
        placeholders={placeholders}
        submitLabel="Save campaign"
      />
    </>
  );
}
