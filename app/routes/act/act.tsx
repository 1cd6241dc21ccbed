import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/act";
import { LegislatorCard } from "~/app/components/legislator-card";
import { ZipLookupForm } from "~/app/components/zip-lookup-form";
import { ProgressMeter } from "~/app/components/progress-meter";
import { listLegislatorCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { findLegislatorsByZip } from "~/domains/advocacy/legislators/legislator-directory.server";
import { findZipOfApplicant } from "~/domains/membership/member-counts.server";
import { cacheNoLongerThan, markPublic } from "~/platform/request-context";
import { getViewer } from "~/app/session.server";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: ["zip"] };

export const meta: Route.MetaFunction = ({ matches }) => [
  pageTitle(matches, "Contact your legislators"),
  { name: "description", content: "Find your senators and representative by ZIP code and ask them to pass the Resident Physician Shortage Reduction Act of 2025 (H.R. 4731 / S. 2439)." },
];

const houseLookup = "https://www.house.gov/representatives/find-your-representative";

export async function loader(args: Route.LoaderArgs) {
  const { request, context } = args;
  const { db, clock } = context.services;
  let zip = new URL(request.url).searchParams.get("zip");
  // A signed-in member finds their legislators without typing: the ZIP on their profile.
  const viewer = zip === null ? await getViewer(args) : null;
  const profileZip = viewer ? await findZipOfApplicant(db, viewer.email) : null;
  zip ??= profileZip;
  const campaigns = await listLegislatorCampaigns(db);
  cacheNoLongerThan(context, new Date(clock().getTime() + 30_000)); // counts may lag 30 s
  if (zip === null) {
    markPublic(context);
    return { zip: "", result: null, campaigns, zipFromProfile: false };
  }
  const result = await findLegislatorsByZip(db, zip);
  if (result.ok) markPublic(context);
  return { zip, result, campaigns, zipFromProfile: profileZip !== null };
}

export default function Act({ loaderData }: Route.ComponentProps) {
  const { zip, result, campaigns, zipFromProfile } = loaderData;
  const error = result && !result.ok ? result.message : undefined;
  return (
    <div className="page narrow">
      <h1>Contact your legislators</h1>
      <p className="lead">
        The Resident Physician Shortage Reduction Act of 2025 would add 2,000 Medicare-supported residency positions a year for seven years: 14,000 in all. It is H.R. 4731 in the House and S. 2439 in
        the Senate. Find who represents you and ask them to cosponsor it.
      </p>
      {campaigns.length ? (
        <section aria-labelledby="campaigns-heading">
          <h2 id="campaigns-heading">Write to your legislators</h2>
          <div className="campaign-grid">
            {campaigns.map((c) => (
              <article key={c.slug} className="campaign-card">
                <h3>
                  <Link to={`/act/${c.slug}${result?.ok ? `?zip=${result.zip}` : ""}`}>{c.title}</Link>
                </h3>
                <p>{c.summary}</p>
                <ProgressMeter count={c.actions} goal={c.goal} noun={["person has written", "people have written"]} />
              </article>
            ))}
          </div>
        </section>
      ) : null}
      <h2>Who represents you</h2>
      {zipFromProfile ? <p className="hint">We used the ZIP code on your profile. Type another to look up somewhere else.</p> : null}
      <ZipLookupForm zip={zip} error={error} label="Your ZIP code" />

      {result?.ok ? (
        <section aria-labelledby="results-heading" className="results">
          <h2 id="results-heading">Your members of Congress for ZIP {result.zip}</h2>
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
          <p>
            State districts cannot be found from a ZIP code alone.{" "}
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
      <p className="hint">
        AMG's letter tool, which prefills a letter and sends it for you, is coming. <Link to="/newsletter">Subscribe</Link> to hear when it opens.
      </p>
    </div>
  );
}
