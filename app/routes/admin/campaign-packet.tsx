import { data, Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/campaign-packet";
import { actorOf, requireStaff } from "~/app/session.server";
import { recordAudit } from "~/platform/audit.server";
import { officePacket } from "~/domains/advocacy/campaigns/campaign-results.server";
import { findLegislatorCampaign } from "~/domains/advocacy/campaigns/campaigns.server";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `Letters to ${d?.packet.office.title ?? ""} ${d?.packet.office.name ?? ""}`, "staff")];

// A printable packet: every letter to one office, one per page when printed. Constituents' names
// and addresses are on it, so opening it is audited.
export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db } = args.context.services;
  const campaign = await findLegislatorCampaign(db, args.params.slug, { includeUnpublished: true });
  const office = new URL(args.request.url).searchParams.get("office") ?? "";
  const packet = campaign && office ? await officePacket(db, campaign.id, office) : null;
  if (!campaign || !packet) throw data({ message: "No letters to this office in this campaign." }, { status: 404 });
  await recordAudit(db, actorOf(viewer, args.context), { action: "campaign.packet", subjectType: "campaign", subjectId: campaign.slug, details: { office, letters: packet.letters.length } });
  return { campaign: { slug: campaign.slug, title: campaign.title }, packet };
}

export default function CampaignPacket({ loaderData }: Route.ComponentProps) {
  const { campaign, packet } = loaderData;
  return (
    <>
      <p className="no-print">
        <Link to={`/admin/campaigns/${campaign.slug}/results`}>← Results</Link> · Use your browser's Print command: each letter starts a new page.
      </p>
      <section className="packet-letter">
        <h1>
          Letters to {packet.office.title} {packet.office.name}
        </h1>
        <p>
          {packet.office.district} · {campaign.title} · {packet.letters.length} {packet.letters.length === 1 ? "letter" : "letters"} from constituents
        </p>
        {packet.organisationStatement ? (
          <>
            <h2>Statement of the organisation</h2>
            <p className="prewrap">{packet.organisationStatement}</p>
          </>
        ) : null}
        <h2>Constituents</h2>
        <ol>
          {packet.letters.map((l) => (
            <li key={l.id}>
              {l.name}, {l.city}, {l.state} {l.zip} ({l.status}, {l.sentAt})
            </li>
          ))}
        </ol>
      </section>
      {packet.letters.map((l) => (
        <article key={l.id} className="packet-letter">
          <h2>
            {l.name}, {l.city}, {l.state}
          </h2>
          <p className="hint">
            Subject: {l.subject} · {l.status} · {l.sentAt}
          </p>
          <p className="prewrap">{l.text}</p>
        </article>
      ))}
    </>
  );
}
