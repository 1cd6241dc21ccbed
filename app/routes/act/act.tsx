import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/act";
import { LegislatorCard } from "~/app/components/legislator-card";
import { ZipLookupForm } from "~/app/components/zip-lookup-form";
import { ProgressMeter } from "~/app/components/progress-meter";
import { listLegislatorCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { findLegislatorsByZip } from "~/domains/advocacy/legislators/legislator-directory.server";
import { findStateLegislatorsByZip } from "~/domains/advocacy/legislators/state-legislators.server";
import { findZipOfApplicant } from "~/domains/membership/member-counts.server";
import { cacheNoLongerThan, markPublic } from "~/platform/request-context";
import { getViewer } from "~/app/session.server";
import { siteSettingsFor } from "~/app/site-settings.server";
import { campaignPhase, isStateTargeted } from "~/domains/advocacy/campaigns/campaign-rules";
import { localDate } from "~/domains/advocacy/campaigns/send-campaign-letter.server";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: ["zip"] };

const description = "Find your senators and representative by ZIP code and ask them to pass the Resident Physician Shortage Reduction Act of 2025 (H.R. 4731 / S. 2439).";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Contact your legislators"), { name: "description", content: description }];

const houseLookup = "https://www.house.gov/representatives/find-your-representative";

export async function loader(args: Route.LoaderArgs) {
  const { request, context } = args;
  const { db, clock } = context.services;
  let zip = new URL(request.url).searchParams.get("zip");
  // A signed-in member finds their legislators without typing: the ZIP on their profile.
  const viewer = zip === null ? await getViewer(args) : null;
  const profileZip = viewer ? await findZipOfApplicant(db, viewer.email) : null;
  zip ??= profileZip;
  const { officeHours, publicCounters } = await siteSettingsFor(context);
  const today = localDate(clock(), officeHours.timeZone);
  const campaigns = (await listLegislatorCampaigns(db)).filter((c) => campaignPhase(c, today) === "open");
  cacheNoLongerThan(context, new Date(clock().getTime() + 30_000)); // counts may lag 30 s
  const common = { appUrl: context.services.appUrl, threshold: publicCounters.threshold, seo: { title: "Contact your legislators", description } };
  if (zip === null) {
    markPublic(context);
    return { ...common, zip: "", result: null, campaigns, zipFromProfile: false, stateChambers: null };
  }
  const result = await findLegislatorsByZip(db, zip);
  if (result.ok) markPublic(context);
  // After a lookup, the campaigns open to people of that place, shown with the results.
  const local = result.ok ? campaigns.filter((c) => result.states.some((s) => isStateTargeted(c, s.code))) : campaigns;
  const stateChambers = result.ok && result.states.length === 1 ? await findStateLegislatorsByZip(db, result.zip, result.states[0].code) : null;
  return { ...common, zip, result, campaigns: local, zipFromProfile: profileZip !== null, stateChambers };
}

function CampaignCards({ campaigns, zip, threshold, level }: { campaigns: Route.ComponentProps["loaderData"]["campaigns"]; zip: string | null; threshold: number; level: 3 | 4 }) {
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <div className="campaign-grid">
      {campaigns.map((c) => (
        <article key={c.slug} className="campaign-card">
          <Heading>
            <Link to={`/act/${c.slug}${zip ? `?zip=${zip}` : ""}`}>{c.title}</Link>
          </Heading>
          <p>{c.summary}</p>
          <ProgressMeter count={c.actions} goal={c.goal} noun={["person has written", "people have written"]} threshold={threshold} invitation="Be among the first to write" />
        </article>
      ))}
    </div>
  );
}

export default function Act({ loaderData }: Route.ComponentProps) {
  const { zip, result, campaigns, zipFromProfile, threshold, stateChambers } = loaderData;
  const error = result && !result.ok ? result.message : undefined;
  return (
    <div className="page narrow">
      <h1>Contact your legislators</h1>
      <p className="lead">
        The Resident Physician Shortage Reduction Act of 2025 would add 2,000 Medicare-supported residency positions a year for seven years: 14,000 in all. It is H.R. 4731 in the House and S. 2439 in
        the Senate. Find who represents you and ask them to cosponsor it.
      </p>
      {campaigns.length && !result?.ok ? (
        <section aria-labelledby="campaigns-heading">
          <h2 id="campaigns-heading">Write to your legislators</h2>
          <CampaignCards campaigns={campaigns} zip={null} threshold={threshold} level={3} />
        </section>
      ) : null}
      <h2>Who represents you</h2>
      {zipFromProfile ? <p className="hint">We used the ZIP code on your profile. Type another to look up somewhere else.</p> : null}
      <ZipLookupForm zip={zip} error={error} label="Your ZIP code" action="/act#results" />

      {result?.ok ? (
        <section aria-labelledby="results-heading" className="results" id="results">
          <h2 id="results-heading">Your members of Congress for ZIP {result.zip}</h2>
          {campaigns.length ? (
            <div className="local-campaigns">
              <h3 className="group-heading">Write to them now</h3>
              <p>
                {campaigns.length === 1 ? "This campaign is open" : "These campaigns are open"} to people in ZIP {result.zip}: the letter is ready, and takes two minutes.
              </p>
              <CampaignCards campaigns={campaigns} zip={result.zip} threshold={threshold} level={4} />
            </div>
          ) : null}
          {result.isSplit ? (
            <div className="notice">
              <p>
                <strong>
                  ZIP {result.zip} is split between {result.districts.length} congressional districts.
                </strong>{" "}
                Your representative is one of those below. Not sure which?{" "}
                <a href={houseLookup} rel="noopener">
                  Check with your street address on the House's official lookup
                </a>
                .
              </p>
            </div>
          ) : null}
          {result.senators.length ? (
            <>
              <h3 className="group-heading">Your senators</h3>
              <div className="legislator-grid">
                {result.senators.map((s) => (
                  <LegislatorCard key={s.id} legislator={s} place={`U.S. Senate, ${s.state}`} />
                ))}
              </div>
            </>
          ) : (
            <p>{result.states.map((s) => s.name).join(" and ")} has no senators; its voice in Congress is the member of the House below.</p>
          )}
          <h3 className="group-heading">{result.isSplit ? "Your representative is one of these" : "Your representative"}</h3>
          <div className="legislator-grid">
            {result.districts.map((d) =>
              d.representative ? (
                <LegislatorCard key={d.key} legislator={d.representative} place={`U.S. House, ${d.label}`} />
              ) : (
                <article key={d.key} className="legislator-card">
                  <h3>{d.label}</h3>
                  <p>This seat is vacant until a special election.</p>
                </article>
              ),
            )}
          </div>
          <h3 className="group-heading">Your state legislators</h3>
          {stateChambers?.length ? (
            <ul className="state-chambers">
              {stateChambers.map((c) => (
                <li key={c.chamberName}>
                  <strong>
                    {c.chamberName}, district {c.districts.map((d) => d.district).join(" or ")}:
                  </strong>{" "}
                  {c.districts.map((d, i) => (
                    <span key={d.district}>
                      {i > 0 ? "; " : null}
                      {c.districts.length > 1 ? `district ${d.district}: ` : null}
                      {d.members.length ? d.members.map((m) => `${c.title} ${m.name} (${m.party})`).join(" and ") : "this seat is vacant"}
                    </span>
                  ))}
                  {c.districts.length > 1 ? (
                    <>
                      {" "}
                      (ZIP {result.zip} is split: find yours by street address{" "}
                      {c.finder ? (
                        <>
                          on{" "}
                          <a href={c.finder.url} rel="noopener">
                            {c.finder.words}
                          </a>
                        </>
                      ) : (
                        <>
                          on{" "}
                          <a href="https://openstates.org/find_your_legislator/" rel="noopener">
                            Open States
                          </a>
                        </>
                      )}
                      )
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>
              We cannot tell your state districts from this ZIP code.{" "}
              {result.states.map((s, i) => (
                <span key={s.code}>
                  {i > 0 ? " or " : ""}
                  <Link to={`/act/state/${s.code}`}>Choose yours from the list of {s.name} legislators</Link>
                </span>
              ))}
              , or find them by address with{" "}
              <a href="https://openstates.org/find_your_legislator/" rel="noopener">
                Open States
              </a>
              .
            </p>
          )}
        </section>
      ) : null}

      <h2>What to ask</h2>
      <ul>
        <li>Ask your representative to cosponsor H.R. 4731, and your two senators to cosponsor S. 2439.</li>
        <li>
          Ask your state legislators to create or expand collaborative-practice licences for medical graduates who did not match:{" "}
          <Link to="/act/collaborative-practice">see where each state stands</Link>.
        </li>
        <li>Tell them in your own words why it matters where you live: the doctors your community lacks, and the graduates ready to serve it.</li>
      </ul>
    </div>
  );
}
