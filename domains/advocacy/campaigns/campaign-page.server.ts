// What the campaign page needs once a person has given their ZIP code: whom they will write to,
// what is still to choose, the letters prefilled with what is already known, and, for the state
// campaign, what AMG asks of their state.
import type { Executor } from "~/db/client.server";
import { placeValues, statePathwayFor } from "./campaign-evidence.server";
import { fillLetter, isStateTargeted } from "./campaign-rules";
import { planTargets } from "./campaign-targets.server";
import type { Campaign } from "./campaigns.server";
import { supporterKeys } from "./campaigns.server";
import { findLegislatorsByZip } from "~/domains/advocacy/legislators/legislator-directory.server";
import { askFor } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { stateNames } from "~/domains/advocacy/legislators/states";

export async function prepareCampaignAction(db: Executor, campaign: Campaign, zip: string, district: string, now: Date) {
  const lookup = await findLegislatorsByZip(db, zip);
  if (!lookup.ok) return { ok: false as const, zipError: lookup.message };
  const supporters = await supporterKeys(db, campaign.id);
  const plan = await planTargets({ db, campaign, lookup, choice: { district, upperId: "", lowerId: "" }, supporters });
  const values = plan.state ? await placeValues(db, plan.state, now) : {};
  const pathway = plan.state && campaign.usesStatePathways ? await statePathwayFor(db, plan.state, now) : null;
  // Everyone the person might write to, before they choose: does any of them get the supporter letter?
  const possible = [
    ...plan.targets.map((t) => t.key),
    ...plan.districtOptions.flatMap((d) => (d.representative ? [d.representative.id] : [])),
    ...plan.chamberLists.flatMap((c) => c.options.flatMap((o) => o.memberIds)),
  ];
  const hasSupporterLetter = campaign.supporterLetterMarkdown.trim() !== "" && possible.some((key) => supporters.has(key));
  return {
    ok: true as const,
    zip: lookup.zip,
    plan: {
      ...plan,
      districtOptions: plan.districtOptions.map((d) => ({
        key: d.key,
        label: d.label,
        representative: d.representative ? `${d.representative.title} ${d.representative.name} (${d.representative.party})` : null,
      })),
    },
    /** The person must choose their congressional district: the campaign writes to the House and the ZIP is split. */
    choosesDistrict: campaign.targets.includes("us-house") && lookup.districts.length > 1,
    stateAllowed: !plan.state || isStateTargeted(campaign, plan.state),
    allowedStates: campaign.targetStates.map((s) => stateNames[s] ?? s),
    letter: fillLetter(campaign.letterMarkdown, values),
    supporterLetter: hasSupporterLetter ? fillLetter(campaign.supporterLetterMarkdown, values) : null,
    stateAsk: pathway ? askFor(pathway) : null,
  };
}
