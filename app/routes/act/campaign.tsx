import { data, Form, Link, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/campaign";
import { FormAlert } from "~/app/components/form-alert";
import { FormField, HoneypotField } from "~/app/components/form-field";
import { ProgressMeter } from "~/app/components/progress-meter";
import { StateLegislatorChoice } from "~/app/components/state-legislator-choice";
import { ZipLookupForm } from "~/app/components/zip-lookup-form";
import { StatePathwaysMap, StatePathwaysTable } from "~/app/components/state-pathways-tracker";
import { formAlertOf, formFailure, formFailureOf, parseForm, passActionHeaders, rateLimitedForm } from "~/app/form-data";
import { formStamp, isBotLike } from "~/app/form-stamp.server";
import { getViewer } from "~/app/session.server";
import { siteSettingsFor } from "~/app/site-settings.server";
import { campaignActionInputSchema } from "~/domains/advocacy/advocacy.schema";
import { prepareCampaignAction } from "~/domains/advocacy/campaigns/campaign-page.server";
import { campaignPhase } from "~/domains/advocacy/campaigns/campaign-rules";
import { findLegislatorCampaign } from "~/domains/advocacy/campaigns/campaigns.server";
import { localDate, sendCampaignLetter } from "~/domains/advocacy/campaigns/send-campaign-letter.server";
import { messages } from "~/domains/advocacy/messages";
import { messages as emailMessages } from "~/domains/email/messages";
import { listStatePathways } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { withPrompts } from "~/domains/advocacy/campaigns/campaign-rules";
import { sentPagePath } from "~/domains/advocacy/campaigns/letter-links";
import { senderDetailsOf } from "~/domains/advocacy/campaigns/sender-details.server";
import { renderMarkdown } from "~/platform/markdown.server";
import { cacheNoLongerThan, markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: ["zip", "district"] };

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, d?.campaign.title ?? "Campaign"), { name: "description", content: d?.campaign.summary ?? "" }];

const houseLookup = "https://ziplook.house.gov/htbin/findrep_house";

export async function loader(args: Route.LoaderArgs) {
  const { params, request, context } = args;
  const { db, clock } = context.services;
  const found = await findLegislatorCampaign(db, params.slug);
  if (!found) throw data({ message: messages.noSuchCampaign }, { status: 404 });
  const { actions, ...campaign } = found;
  const now = clock();
  const url = new URL(request.url);
  let zip = url.searchParams.get("zip");
  // A signed-in person's form starts with their name, e-mail, address and ZIP (pages with a session are never cached).
  const viewer = await getViewer(args);
  const sender = viewer && !viewer.secondFactorPending ? await senderDetailsOf(db, viewer.email) : null;
  let zipFromProfile = false;
  if (zip === null && sender?.zip) {
    zip = sender.zip;
    zipFromProfile = true;
  }
  const { officeHours, publicCounters } = await siteSettingsFor(context);
  const prepared = zip === null ? null : await prepareCampaignAction(db, campaign, zip, url.searchParams.get("district") ?? "", now);
  // The public form never shows {{braces}}: what is filled per office reads as [legislator's name].
  const step = prepared?.ok ? { ...prepared, letter: withPrompts(prepared.letter), supporterLetter: prepared.supporterLetter === null ? null : withPrompts(prepared.supporterLetter) } : prepared;
  markPublic(context);
  cacheNoLongerThan(context, new Date(now.getTime() + 30_000)); // counts may lag 30 s
  return {
    seo: { title: campaign.title, description: campaign.summary },
    campaign: {
      slug: campaign.slug,
      title: campaign.title,
      summary: campaign.summary,
      bill: campaign.bill,
      goal: campaign.goal,
      actions,
      phase: campaignPhase(campaign, localDate(now, officeHours.timeZone)),
      startsOn: campaign.startsOn,
      backgroundHtml: renderMarkdown(campaign.backgroundMarkdown),
      talkingPointsHtml: campaign.talkingPoints ? renderMarkdown(campaign.talkingPoints) : "",
      usesStatePathways: campaign.usesStatePathways,
    },
    pathways: campaign.usesStatePathways ? await listStatePathways(db) : null,
    zip: zip ?? "",
    zipFromProfile,
    sender,
    threshold: publicCounters.threshold,
    step,
    stamp: await formStamp(context),
    updatesConsent: emailMessages.updatesConsent,
  };
}

export const headers = passActionHeaders;

export async function action(args: Route.ActionArgs) {
  const { params, request, context } = args;
  const form = parseForm(await request.formData(), campaignActionInputSchema);
  if (await isBotLike(form.values, context)) return redirect(`/act/${params.slug}/thanks`);
  if (!form.ok) return form.response;
  // Proven: signed in (second factor done) as the very address typed. Anyone else's letters are held until the address confirms them.
  const viewer = await getViewer(args);
  const isProven = viewer !== null && !viewer.secondFactorPending && viewer.email === form.value.email;
  const outcome = await sendCampaignLetter({ ...context.services, slug: params.slug, input: form.value, ip: context.clientIp, isProven });
  // A proven writer's page carries its signed key; a held one's random id is known only to this browser.
  if (outcome.ok) return redirect(outcome.isHeld ? `/act/${params.slug}/sent/${outcome.publicId}` : sentPagePath(context.services.secretKey, params.slug, outcome.publicId));
  if (outcome.reason === "not-found") throw data({ message: messages.noSuchCampaign }, { status: 404 });
  if (outcome.reason === "rate-limited") return rateLimitedForm(messages.lettersRateLimited, outcome.retryAfterSeconds, form.values);
  const failure = { fieldErrors: outcome.fieldErrors, formError: outcome.formError ?? null, values: form.values };
  return formFailure(form.values, { fieldErrors: failure.fieldErrors, formError: formAlertOf(failure, messages.checkFieldsBelow) });
}

type Step = Extract<NonNullable<Route.ComponentProps["loaderData"]["step"]>, { ok: true }>;

function TargetsAndChoices({ step, errors, values }: { step: Step; errors: Record<string, string>; values: Record<string, string> }) {
  const { plan } = step;
  const chosenDistrict = values.district ?? plan.chosenDistrict ?? "";
  const showDistricts = step.choosesDistrict;
  return (
    <>
      <h2 id="targets-heading">Your letter goes to</h2>
      {plan.targets.length ? (
        <ul className="target-list">
          {plan.targets
            .filter((t) => t.kind === "us-senate" || (t.kind === "us-house" && !showDistricts))
            .map((t) => (
              <li key={t.key}>
                <strong>
                  {t.title} {t.name}
                </strong>{" "}
                ({t.party}, {t.district}) · <span className="delivery-badge">{t.email ? "sent by e-mail" : "through the office's contact form or phone"}</span>
              </li>
            ))}
        </ul>
      ) : null}
      {showDistricts ? (
        <fieldset aria-describedby={errors.district ? "field-district-error" : undefined}>
          <legend>Your congressional district</legend>
          <p className="hint">
            ZIP {step.zip} is split between {plan.districtOptions.length} districts. Not sure which is yours?{" "}
            <a href={houseLookup} rel="noopener">
              Check with your street address on the House's official lookup
            </a>
            .
          </p>
          {plan.districtOptions.map((d) => (
            <label key={d.key} className="choice">
              <input type="radio" name="district" value={d.key} defaultChecked={chosenDistrict === d.key} />
              <span>
                {d.label}: {d.representative ?? "seat vacant"}
              </span>
            </label>
          ))}
          {errors.district ? (
            <p className="error-message" id="field-district-error">
              {errors.district}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <input type="hidden" name="district" value={plan.chosenDistrict ?? ""} />
      )}
      {plan.chamberLists.length ? (
        <StateLegislatorChoice zip={step.zip} stateName={plan.stateName ?? ""} chambers={plan.chamberLists} listPath={`/act/state/${plan.state}`} values={values} errors={errors} />
      ) : null}
    </>
  );
}

export default function CampaignPage({ loaderData, actionData }: Route.ComponentProps) {
  const { campaign, pathways, zip, zipFromProfile, step, stamp, sender, threshold } = loaderData;
  const failure = formFailureOf(actionData);
  const { fieldErrors: errors, values } = failure;
  const zipError = step && !step.ok ? step.zipError : undefined;
  const hasOffices = step?.ok && (step.plan.targets.length > 0 || step.plan.chamberLists.length > 0 || step.choosesDistrict);
  const ready = step?.ok && step.plan.state && step.stateAllowed && hasOffices;
  return (
    <div className="page narrow">
      <p className="hint">{campaign.bill ? `Letter to your legislators · ${campaign.bill}` : "Letter to your legislators"}</p>
      <h1>{campaign.title}</h1>
      <p className="lead">{campaign.summary}</p>
      <ProgressMeter count={campaign.actions} goal={campaign.goal} noun={["person has written", "people have written"]} threshold={threshold} invitation="Be among the first to write" />
      {campaign.phase !== "open" ? (
        <div className="notice" role="status">
          <p>{campaign.phase === "ended" ? "This campaign has ended. Thank you to everyone who wrote." : `This campaign opens on ${campaign.startsOn}.`}</p>
        </div>
      ) : null}

      <section aria-labelledby="zip-heading">
        <h2 id="zip-heading">1. Your ZIP code</h2>
        {zipFromProfile ? <p className="hint">We used the ZIP code on your profile. Type another to write from somewhere else.</p> : null}
        <ZipLookupForm zip={zip} error={zipError} label="ZIP code where you live" />
      </section>

      {step?.ok && !step.plan.state ? (
        <Form method="get" className="stack-form">
          <input type="hidden" name="zip" value={step.zip} />
          <fieldset>
            <legend>ZIP {step.zip} crosses a state line: which district do you live in?</legend>
            {step.plan.districtOptions.map((d) => (
              <label key={d.key} className="choice">
                <input type="radio" name="district" value={d.key} required /> {d.label}
              </label>
            ))}
          </fieldset>
          <button type="submit">Continue</button>
        </Form>
      ) : null}
      {step?.ok && step.plan.state && !step.stateAllowed ? (
        <div className="notice" role="status">
          <p>
            This campaign is for people in {step.allowedStates.join(", ")}. See the other ways to help on the <Link to="/act">take action</Link> page.
          </p>
        </div>
      ) : null}

      {step?.ok && step.plan.state && step.stateAllowed && !hasOffices ? (
        <div className="notice" role="status">
          <p>
            This campaign writes to offices {step.plan.stateName} does not have, or we have no contact details for them yet. See the other ways to help on the <Link to="/act">take action</Link> page.
          </p>
        </div>
      ) : null}
      {ready && campaign.phase === "open" ? (
        <section aria-labelledby="targets-heading" className="action-form" id="write">
          <Form method="post" action={`/act/${campaign.slug}?zip=${step.zip}#write`} noValidate className="stack-form">
            <FormAlert message={formAlertOf(failure, messages.checkFieldsBelow)} />
            <input type="hidden" name="zip" value={step.zip} />
            <input type="hidden" name="rendered" value={stamp} />
            <TargetsAndChoices step={step} errors={errors} values={values} />
            {step.stateAsk ? (
              <div className="notice">
                <p>
                  <strong>In {step.plan.stateName}:</strong> {step.stateAsk}
                </p>
              </div>
            ) : null}
            <h2>2. Your letter</h2>
            <p className="letter-fixed">Dear [your legislator's title and name],</p>
            <FormField
              name="letter"
              label={step.supporterLetter ? "Letter to those who have not yet cosponsored" : "Your letter (edit it as you like)"}
              multiline
              rows={12}
              defaultValue={values.letter ?? step.letter}
              error={errors.letter}
              maxLength={10000}
              hint={/\[[^\]]+\]/.test(step.letter) ? "Words in [square brackets] are filled in for each legislator when you send." : undefined}
            />
            {step.supporterLetter !== null ? (
              <FormField
                name="supporterLetter"
                label="Letter to those who already support the bill (a thank-you)"
                multiline
                rows={9}
                defaultValue={values.supporterLetter ?? step.supporterLetter}
                error={errors.supporterLetter}
                maxLength={10000}
              />
            ) : null}
            <FormField
              name="story"
              label="Your story"
              required={false}
              multiline
              rows={5}
              defaultValue={values.story}
              error={errors.story}
              maxLength={5000}
              hint="A few sentences in your own words make a letter count most: who you are, and why this matters to you."
            />
            <p className="letter-fixed">Sincerely, [your name and address, below]</p>
            <h2>3. About you</h2>
            <p className="hint">Offices answer only their own constituents, so they need your street address. We use it for these letters only.</p>
            <FormField name="name" label="Your name" autoComplete="name" defaultValue={values.name ?? sender?.name} error={errors.name} maxLength={120} />
            <FormField
              name="email"
              label="Your e-mail"
              type="email"
              autoComplete="email"
              defaultValue={values.email ?? sender?.email}
              error={errors.email}
              hint="We send you a copy of every letter. Unless you are signed in with this address, we first e-mail you a link: letters go to offices by e-mail only once you open it."
            />
            <FormField name="street" label="Street address" autoComplete="street-address" defaultValue={values.street ?? sender?.street} error={errors.street} maxLength={200} />
            <FormField name="city" label="City" autoComplete="address-level2" defaultValue={values.city ?? sender?.city} error={errors.city} maxLength={100} />
            <p className="hint">
              State: {step.plan.stateName} · ZIP code: {step.zip}
            </p>
            <div className="field">
              <label>
                <input type="checkbox" name="keepUpdated" defaultChecked={values.keepUpdated === "on"} /> {loaderData.updatesConsent}
              </label>
              <p className="hint">If we e-mail you a link to confirm your letters, opening it confirms this too: one link for both.</p>
            </div>
            <HoneypotField />
            <button type="submit">Send my letters</button>
          </Form>
        </section>
      ) : null}

      {pathways ? (
        <section aria-labelledby="tracker-heading" id="tracker">
          <h2 id="tracker-heading">Where each state stands</h2>
          <StatePathwaysMap states={pathways} />
          <StatePathwaysTable states={pathways} />
        </section>
      ) : null}
      <section aria-labelledby="background-heading">
        <h2 id="background-heading">Why it matters</h2>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered and sanitised by platform/markdown.server.ts (sanitize-html) */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: campaign.backgroundHtml }} />
        {campaign.talkingPointsHtml ? (
          <>
            <h3>Talking points</h3>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered and sanitised by platform/markdown.server.ts (sanitize-html) */}
            <div className="prose" dangerouslySetInnerHTML={{ __html: campaign.talkingPointsHtml }} />
          </>
        ) : null}
      </section>
    </div>
  );
}
