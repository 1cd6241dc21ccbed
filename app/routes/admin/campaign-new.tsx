import { Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/campaign-new";
import { CampaignForm } from "~/app/components/campaign-form";
import { actorOf, requireStaff } from "~/app/session.server";
import { placeholders } from "~/domains/advocacy/campaigns/campaign-rules";
import { campaignInputSchema, createCampaign } from "~/domains/advocacy/campaigns/save-campaign.server";
import { parseForm, withAppErrors } from "~/app/form-data";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "New campaign", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  return { csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const form = parseForm(formData, campaignInputSchema, { repeated: ["targets"] });
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    const slug = await createCampaign(args.context.services.db, actorOf(viewer, args.context), form.value, args.context.services.clock());
    return redirectWithFlash(`/admin/campaigns/${slug}`, confirmations.campaignCreated, args.context);
  });
}

export default function CampaignNew({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <p>
        <Link to="/admin/campaigns">← Campaigns</Link>
      </p>
      <h1>New campaign</h1>
      <p className="hint">It stays hidden from the public until you tick “Published”.</p>
      <CampaignForm
        csrf={loaderData.csrf}
        values={actionData?.values ?? { kind: "legislator-letter", targets: "us-senate,us-house", goal: "1000", sortOrder: "0" }}
        errors={actionData?.fieldErrors ?? {}}
        formError={actionData?.formError}
        placeholders={placeholders}
        submitLabel="Create campaign"
      />
    </>
  );
}
