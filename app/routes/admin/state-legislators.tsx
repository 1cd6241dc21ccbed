import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/state-legislators";
import { requireStaff } from "~/app/session.server";
import { searchStateLegislators } from "~/domains/advocacy/legislators/state-legislator-corrections.server";
import { DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";
import { listSortOf, sortRows } from "~/app/list-sort";
import { stateChamberLabels } from "~/domains/advocacy/labels";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "State legislators", "staff")];

/** Open States ids are "ocd-person/<uuid>": the page address carries the uuid. */
const stateLegislatorPath = (id: string) => `/admin/state-legislators/${id.replace(/^ocd-person\//, "")}`;

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const q = params.get("q")?.trim().slice(0, 60) || undefined;
  const sort = listSortOf(params, ["name", "seat", "corrected"] as const, { by: "name", direction: "asc" });
  const rows = q ? await searchStateLegislators(args.context.services.db, q) : [];
  return { rows: sortRows(rows, sort, { name: (l) => l.name, seat: (l) => `${l.state} ${l.chamber} ${l.district}`, corrected: (l) => (l.correctedByStaff ? 0 : 1) }), sort, q: q ?? "" };
}

type Row = Route.ComponentProps["loaderData"]["rows"][number];

const columns: Column<Row>[] = [
  { key: "name", header: "Name", sortable: true, cell: (l) => <Link to={stateLegislatorPath(l.id)}>{l.name}</Link> },
  { key: "seat", header: "Seat", sortable: true, cell: (l) => `${l.state}, ${stateChamberLabels[l.chamber as keyof typeof stateChamberLabels] ?? l.chamber}, district ${l.district}` },
  { key: "email", header: "E-mail", cell: (l) => l.email ?? "—" },
  { key: "corrected", header: "Corrected", sortable: true, cell: (l) => (l.correctedByStaff ? "Yes" : "No") },
];

export default function StateLegislatorsAdmin({ loaderData }: Route.ComponentProps) {
  const { rows, q } = loaderData;
  return (
    <>
      <p>
        <Link to="/admin/legislators">← Members of Congress</Link>
      </p>
      <h1>State legislators</h1>
      <p className="hint">Letters go by e-mail to the address shown here. Correct it (or the phone or website) when the reference data is out of date; corrections survive reloads.</p>
      <DataTable
        caption="State legislators"
        columns={columns}
        rows={rows}
        rowKey={(l) => l.id}
        query={{ q }}
        sort={loaderData.sort}
        empty={q ? `No state legislator matches “${q}”.` : "Search by name or state to see state legislators."}
        filterButton="Find"
        filters={
          <label>
            Name or state <input type="search" name="q" defaultValue={q} placeholder="e.g. Bynum or AK" />
          </label>
        }
      />
    </>
  );
}
