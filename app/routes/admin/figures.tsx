import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/figures";
import { requireStaff } from "~/app/session.server";
import { listFigures } from "~/domains/site/queries.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Figures", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  return { figures: await listFigures(args.context.services.db) };
}

export default function Figures({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Figures</h1>
      <p className="hint">The numbers on the home and numbers pages: AMG's figure with its source, and the official figure beside it.</p>
      <TableScroll label="Figures">
        <table className="data-table">
          <caption className="visually-hidden">Figures AMG states</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">AMG's figure</th>
              <th scope="col">Official figure</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.figures.map((f) => (
              <tr key={f.slug}>
                <td>
                  <Link to={`/admin/figures/${f.slug}`}>{f.claim}</Link>
                </td>
                <td>{f.amgFigure}</td>
                <td>{f.officialFigure ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
