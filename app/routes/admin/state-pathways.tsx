import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/state-pathways";
import { pathwayStatusLabel } from "~/app/components/state-pathways-tracker";
import { requireStaff } from "~/app/session.server";
import { listStatePathways } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "State law tracker", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  return { states: await listStatePathways(args.context.services.db) };
}

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
      <TableScroll label="States">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Status</th>
              <th scope="col">Law or bill</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.states.map((s) => (
              <tr key={s.state}>
                <td>
                  <Link to={`/admin/state-pathways/${s.state}`}>{s.stateName}</Link>
                </td>
                <td>{pathwayStatusLabel[s.status]}</td>
                <td>{s.law || "—"}</td>
                <td>{s.updatedAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
