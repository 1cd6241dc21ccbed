import { Form, Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/campaigns";
import { requireStaff } from "~/app/session.server";
import { listAllCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Campaigns", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const q = new URL(args.request.url).searchParams.get("q")?.trim().slice(0, 80) || undefined;
  return { q: q ?? "", campaigns: await listAllCampaigns(args.context.services.db, q) };
}

const kindLabel = { "legislator-letter": "Letter to legislators", "open-letter": "Open letter" } as const;

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
      <Form method="get" className="filter-bar" role="search">
        <label>
          Title <input type="search" name="q" defaultValue={loaderData.q} />
        </label>
        <button type="submit">Search</button>
      </Form>
      <TableScroll label="Campaigns">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Campaign</th>
              <th scope="col">Kind</th>
              <th scope="col">Published</th>
              <th scope="col">Dates</th>
              <th scope="col">People</th>
              <th scope="col">Results</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.campaigns.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/admin/campaigns/${c.slug}`}>{c.title}</Link>
                </td>
                <td>{kindLabel[c.kind]}</td>
                <td>{c.isPublished ? "Yes" : "No"}</td>
                <td>{c.startsOn || c.endsOn ? `${c.startsOn ?? "…"} to ${c.endsOn ?? "…"}` : "Always"}</td>
                <td>{c.kind === "legislator-letter" ? `${c.actions.toLocaleString("en-US")} of ${c.goal.toLocaleString("en-US")}` : "see the letter"}</td>
                <td>{c.kind === "legislator-letter" ? <Link to={`/admin/campaigns/${c.slug}/results`}>Results</Link> : <Link to={`/letters/${c.slug}`}>Public page</Link>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
