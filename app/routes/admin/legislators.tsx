import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/legislators";
import { requireStaff } from "~/app/session.server";
import { searchCongressMembers } from "~/domains/advocacy/legislators/legislator-corrections.server";
import { DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";
import { listSortOf, sortRows } from "~/app/list-sort";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Legislators", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const q = params.get("q")?.trim().slice(0, 60) || undefined;
  const sort = listSortOf(params, ["name", "seat", "corrected"] as const, { by: "name", direction: "asc" });
  const rows = await searchCongressMembers(args.context.services.db, q);
  return {
    rows: sortRows(rows, sort, {
      name: (r) => r.member.fullName,
      seat: (r) => `${r.member.state}-${r.member.chamber}-${String(r.member.district ?? 0).padStart(2, "0")}`,
      corrected: (r) => (r.override ? 0 : 1),
    }),
    sort,
    q: q ?? "",
  };
}

type Row = Route.ComponentProps["loaderData"]["rows"][number];

const columns: Column<Row>[] = [
  { key: "name", header: "Name", sortable: true, cell: ({ member }) => <Link to={`/admin/legislators/${member.bioguide}`}>{member.fullName}</Link> },
  { key: "seat", header: "Seat", sortable: true, cell: ({ member }) => (member.chamber === "senate" ? `Senate, ${member.state}` : `House, ${member.state}-${member.district}`) },
  { key: "phone", header: "Phone", cell: ({ member, override }) => override?.fields.phone ?? member.phone ?? "—" },
  { key: "corrected", header: "Corrected", sortable: true, cell: ({ override }) => (override ? `yes, by ${override.updatedBy}` : "no") },
];

export default function Legislators({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Members of Congress</h1>
      <p className="hint">
        Correct a member's contact details when the reference data is out of date. Corrections survive reloads of the data. State legislators:{" "}
        <Link to="/admin/state-legislators">find and correct them here</Link>.
      </p>
      <DataTable
        caption="Members of Congress"
        columns={columns}
        rows={loaderData.rows}
        rowKey={(r) => r.member.bioguide}
        query={{ q: loaderData.q }}
        sort={loaderData.sort}
        empty="No member of Congress matches."
        filterButton="Find"
        filters={
          <label>
            Name or state <input type="search" name="q" defaultValue={loaderData.q} placeholder="e.g. Mannion or NY" />
          </label>
        }
      />
    </>
  );
}
