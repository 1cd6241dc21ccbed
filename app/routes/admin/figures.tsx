import { Link } from "react-router";
import { pageTitle, useOrganisationShortName } from "~/app/page-title";
import type { Route } from "./+types/figures";
import { requireStaff } from "~/app/session.server";
import { listFigures } from "~/domains/site/queries.server";
import { DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Figures", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  return { figures: await listFigures(args.context.services.db) };
}

type Figure = Route.ComponentProps["loaderData"]["figures"][number];

export default function Figures({ loaderData }: Route.ComponentProps) {
  const org = useOrganisationShortName();
  const columns: Column<Figure>[] = [
    { key: "what", header: "What", cell: (f) => <Link to={`/admin/figures/${f.slug}`}>{f.claim}</Link> },
    { key: "ours", header: `${org}'s figure`, cell: (f) => f.amgFigure },
    { key: "official", header: "Official figure", cell: (f) => f.officialFigure ?? "—" },
  ];
  return (
    <>
      <h1>Figures</h1>
      <p className="hint">The numbers on the home and numbers pages: {org}'s figure with its source, and the official figure beside it.</p>
      <DataTable caption={`Figures ${org} states`} columns={columns} rows={loaderData.figures} rowKey={(f) => f.slug} query={{}} empty="No figures yet." />
    </>
  );
}
