import { data, Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/campaign-supporters";
import { CsrfField } from "~/app/components/csrf-field";
import { actorOf, requireStaff } from "~/app/session.server";
import { listSupporterCandidates, saveSupporters } from "~/domains/advocacy/campaigns/campaign-supporters.server";
import { findLegislatorCampaign } from "~/domains/advocacy/campaigns/campaigns.server";
import { stateNames } from "~/domains/advocacy/legislators/states";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Supporters", "staff")];

async function campaignOf(args: Route.LoaderArgs | Route.ActionArgs) {
  const campaign = await findLegislatorCampaign(args.context.services.db, args.params.slug, { includeUnpublished: true });
  if (!campaign) throw data({ message: "No such campaign." }, { status: 404 });
  return campaign;
}

const stateFrom = (request: Request) => {
  const state = new URL(request.url).searchParams.get("state")?.toUpperCase() ?? "";
  return stateNames[state] ? state : "";
};

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const campaign = await campaignOf(args);
  const state = stateFrom(args.request);
  return {
    csrf: viewer.csrfToken,
    campaign: { slug: campaign.slug, title: campaign.title, hasSupporterLetter: campaign.supporterLetterMarkdown.trim() !== "" },
    state,
    candidates: state ? await listSupporterCandidates(args.context.services.db, campaign, state) : [],
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const campaign = await campaignOf(args);
  const state = stateFrom(args.request);
  const strings = (name: string) => formData.getAll(name).filter((v): v is string => typeof v === "string");
  const { added, removed } = await saveSupporters(args.context.services.db, actorOf(viewer, args.context), campaign, strings("listed"), strings("supporter"), args.context.services.clock());
  return redirectWithFlash(`/admin/campaigns/${campaign.slug}/supporters?state=${state}`, confirmations.supportersSaved(added, removed), args.context);
}

export default function CampaignSupporters({ loaderData }: Route.ComponentProps) {
  const { campaign, state, candidates, csrf } = loaderData;
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>Supporters</h1>
      <p className="hint">
        Legislators marked here already support the bill (cosponsors).{" "}
        {campaign.hasSupporterLetter ? "They get the supporter letter: a thank-you that asks them to push." : "This campaign has no supporter letter yet, so everyone gets the same letter."}
      </p>
      <Form method="get" className="filter-bar">
        <label>
          State{" "}
          <select name="state" defaultValue={state}>
            <option value="">Choose…</option>
            {Object.entries(stateNames).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </Form>
      {state && candidates.length === 0 ? <p>This campaign writes to no legislators in {stateNames[state]}.</p> : null}
      {candidates.length ? (
        <Form method="post" action={`/admin/campaigns/${campaign.slug}/supporters?state=${state}`}>
          <CsrfField token={csrf} />
          <fieldset>
            <legend>{stateNames[state]}: tick those who support the bill</legend>
            {candidates.map((c) => (
              <label key={c.key} className="choice">
                <input type="hidden" name="listed" value={c.key} />
                <input type="checkbox" name="supporter" value={c.key} defaultChecked={c.isSupporter} />{" "}
                <span>
                  {c.name} ({c.party}) · {c.chamber}, district {c.district}
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit">Save supporters</button>
        </Form>
      ) : null}
    </>
  );
}
