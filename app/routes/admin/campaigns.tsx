import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/campaigns";
import { requireStaff } from "~/app/session.server";
import { listAllCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";
import { listSortOf, sortRows } from "~/app/list-sort";
import { campaignKindLabels, campaignPublishedLabels } from "~/domains/advocacy/labels";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Campaigns", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const q = params.get("q")?.trim().slice(0, 80) || undefined;
  const sort = listSortOf(params, ["title", "kind", "published", "dates"] as const, { by: "title", direction: "asc" });
  const campaigns = await listAllCampaigns(args.context.services.db, q);
  return {
    q: q ?? "",
    sort,
    campaigns: sortRows(campaigns, sort, { title: (c) => c.title, kind: (c) => campaignKindLabels[c.kind], published: (c) => (c.isPublished ? 0 : 1), dates: (c) => c.startsOn ?? "" }),
  };
}

type Campaign = Route.ComponentProps["loaderData"]["campaigns"][number];

const columns: Column<Campaign>[] = [
  { key: "title", header: "Campaign", sortable: true, cell: (c) => <Link to={`/admin/campaigns/${c.slug}`}>{c.title}</Link> },
  { key: "kind", header: "Kind", sortable: true, cell: (c) => campaignKindLabels[c.kind] },
  { key: "published", header: "Status", sortable: true, cell: (c) => (c.isPublished ? campaignPublishedLabels.published : campaignPublishedLabels.draft) },
  { key: "dates", header: "Dates", sortable: true, cell: (c) => (c.startsOn || c.endsOn ? `${c.startsOn ?? "…"} to ${c.endsOn ?? "…"}` : "Always") },
  { key: "people", header: "People", cell: (c) => (c.kind === "legislator-letter" ? `${c.actions.toLocaleString("en-US")} of ${c.goal.toLocaleString("en-US")}` : "see the letter") },
  {
    key: "results",
    header: "Results",
    cell: (c) => (c.kind === "legislator-letter" ? <Link to={`/admin/campaigns/${c.slug}/results`}>Results</Link> : <Link to={`/letters/${c.slug}`}>Public page</Link>),
  },
];

export default function Campaigns({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Campaigns</h1>
      <p className="hint">Letters people send to their legislators, and open letters people sign. Open one to edit it, mark supporters, or see its results.</p>
      <p>
        <Link to="/admin/campaigns/new" className="button">
          New campaign
        </Link>{" "}
        <Link to="/admin/state-pathways">State law tracker</Link>
      </p>
      <DataTable
        caption="Campaigns"
        columns={columns}
        rows={loaderData.campaigns}
        rowKey={(c) => c.id}
        query={{ q: loaderData.q }}
        sort={loaderData.sort}
        empty="No campaigns match."
        filterButton="Search"
        filters={
          <label>
            Title <input type="search" name="q" defaultValue={loaderData.q} />
          </label>
        }
      />
    </>
  );
}
