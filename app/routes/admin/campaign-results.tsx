import { data, Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/campaign-results";
import { requireStaff } from "~/app/session.server";
import { campaignResults } from "~/domains/advocacy/campaigns/campaign-results.server";
import { findLegislatorCampaign } from "~/domains/advocacy/campaigns/campaigns.server";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Campaign results", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const campaign = await findLegislatorCampaign(args.context.services.db, args.params.slug, { includeUnpublished: true });
  if (!campaign) throw data({ message: "No such campaign." }, { status: 404 });
  return { campaign: { slug: campaign.slug, title: campaign.title, goal: campaign.goal }, results: await campaignResults(args.context.services.db, campaign.id) };
}

const n = (v: number) => v.toLocaleString("en-US");

export default function CampaignResults({ loaderData }: Route.ComponentProps) {
  const { campaign, results } = loaderData;
  const peak = Math.max(1, ...results.perDay.map((d) => d.n));
  const packet = (key: string) => `/admin/campaigns/${campaign.slug}/packet?office=${encodeURIComponent(key)}`;
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>Results: {campaign.title}</h1>
      <ul className="stat-grid">
        <li className="stat-card">
          <span className="stat-value">{n(results.people)}</span>
          <span>
            {results.people === 1 ? "person" : "people"} took part, of a goal of {n(campaign.goal)}
          </span>
        </li>
        <li className="stat-card">
          <span className="stat-value">{n(results.counts.deliveredByEmail)}</span>
          <span>
            {results.counts.deliveredByEmail === 1 ? "letter" : "letters"} delivered by e-mail
            {results.counts.sending ? `; ${n(results.counts.sending)} sending` : ""}
            {results.counts.failed ? `; ${n(results.counts.failed)} failed` : ""}
            {results.counts.kept ? `; ${n(results.counts.kept)} kept in the outbox (no SMTP server)` : ""}
          </span>
        </li>
        <li className="stat-card">
          <span className="stat-value">{n(results.counts.reportedSent)}</span>
          <span>{results.counts.reportedSent === 1 ? "letter" : "letters"} the writers report sending (contact form or phone)</span>
        </li>
        <li className="stat-card">
          <span className="stat-value">{n(results.counts.onlyPrepared)}</span>
          <span>{results.counts.onlyPrepared === 1 ? "letter" : "letters"} only prepared (not reported sent)</span>
        </li>
      </ul>
      <p>
        <a href={`/admin/campaigns/${campaign.slug}/letters.csv`} download>
          Download every letter (CSV)
        </a>
      </p>

      <h2>People over time</h2>
      {results.perDay.length ? (
        <TableScroll label="People by day">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col">People</th>
                <th scope="col">
                  <span className="visually-hidden">Share of the busiest day</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {results.perDay.map((d) => (
                <tr key={d.day}>
                  <td>{d.day}</td>
                  <td>{n(d.n)}</td>
                  <td aria-hidden="true">
                    <meter min={0} max={peak} value={d.n} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>No one has written yet.</p>
      )}

      <h2>By office</h2>
      <p className="hint">Each office's packet holds every letter its constituents sent or prepared: print it for a lobby visit, or download it as CSV.</p>
      <TableScroll label="Letters by office">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Office</th>
              <th scope="col">District</th>
              <th scope="col">Letters</th>
              <th scope="col">Delivered by e-mail</th>
              <th scope="col">Reported sent</th>
              <th scope="col">Only prepared</th>
              <th scope="col">Packet</th>
            </tr>
          </thead>
          <tbody>
            {results.perOffice.map((o) => (
              <tr key={o.key}>
                <td>
                  {o.title} {o.name}
                </td>
                <td>{o.district}</td>
                <td>{n(o.letters)}</td>
                <td>
                  {n(o.deliveredByEmail)}
                  {o.emailing ? ` (+${n(o.emailing)} not yet)` : ""}
                </td>
                <td>{n(o.reportedSent)}</td>
                <td>{n(o.onlyPrepared)}</td>
                <td>
                  <Link to={packet(o.key)}>Print</Link> · <a href={`/admin/campaigns/${campaign.slug}/letters.csv?office=${encodeURIComponent(o.key)}`}>CSV</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>By state</h2>
      <ul className="count-list">
        {results.perState.map((s) => (
          <li key={s.state}>
            {stateNames[s.state] ?? s.state}: {n(s.n)}
          </li>
        ))}
      </ul>
      <h2>By congressional district</h2>
      <ul className="count-list">
        {results.perDistrict.map((d) => (
          <li key={d.district}>
            {d.district}: {n(d.n)}
          </li>
        ))}
      </ul>
    </>
  );
}
