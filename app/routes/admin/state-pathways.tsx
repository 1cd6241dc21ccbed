import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/state-pathways";
import { DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";
import { formatDateTime } from "~/app/format";
import { listSortOf, sortRows } from "~/app/list-sort";
import { statePathwayStatusLabels } from "~/domains/advocacy/labels";
import { requireStaff } from "~/app/session.server";
import { listStatePathways } from "~/domains/advocacy/state-pathways/state-pathways.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "State law tracker", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const sort = listSortOf(new URL(args.request.url).searchParams, ["state", "status", "updated"] as const, { by: "state", direction: "asc" });
  const states = await listStatePathways(args.context.services.db);
  return { states: sortRows(states, sort, { state: (s) => s.stateName, status: (s) => s.status, updated: (s) => s.updatedAt }), sort };
}

type State = Route.ComponentProps["loaderData"]["states"][number];

const columns: Column<State>[] = [
  { key: "state", header: "State", sortable: true, cell: (s) => <Link to={`/admin/state-pathways/${s.state}`}>{s.stateName}</Link> },
  { key: "status", header: "Status", sortable: true, cell: (s) => statePathwayStatusLabels[s.status] },
  { key: "law", header: "Law or bill", cell: (s) => s.law || "—" },
  { key: "updated", header: "Updated", sortable: true, cell: (s) => formatDateTime(s.updatedAt) },
];

export default function StatePathwaysAdmin({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <p>
        <Link to="/admin/campaigns">← Campaigns</Link>
      </p>
      <h1>State law tracker</h1>
      <p className="hint">
        Collaborative-practice licences for medical graduates, state by state. What you set here is shown on the <a href="/act/collaborative-practice#tracker">campaign page</a> and decides what people
        from each state are asked.
      </p>
      <DataTable caption="States" columns={columns} rows={loaderData.states} rowKey={(s) => s.state} query={{}} sort={loaderData.sort} empty="No states yet." />
    </>
  );
}
