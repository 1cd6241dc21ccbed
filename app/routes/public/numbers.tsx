import type { Route } from "./+types/numbers";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import { listFigures } from "~/domains/site/queries.server";
import { markPublic } from "~/platform/request-context";
import { TableScroll } from "~/app/components/table-scroll";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [
  pageTitle(matches, "The numbers"),
  { name: "description", content: "AMG's figures on unmatched medical graduates, each beside the official figure and its source." },
];

export async function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  return { figures: await listFigures(context.services.db) };
}

export default function Numbers({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page">
      <h1>The numbers</h1>
      <p className="lead">Each figure AMG states is shown as AMG's, with the official figure beside it where one exists, its basis and its source, so you can check every number yourself.</p>
      <TableScroll labelledBy="figures-caption">
        <table className="figures-table">
          <caption id="figures-caption">AMG's figures and the official figures</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">AMG's figure</th>
              <th scope="col">Official figure</th>
              <th scope="col">How the official figure is counted</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.figures.map((f) => (
              <tr key={f.slug}>
                <th scope="row">{f.claim[0].toUpperCase() + f.claim.slice(1)}</th>
                <td>
                  <strong>{f.amgFigure}</strong> {f.amgStatement}
                  <br />
                  <span className="figure-source">Source: {f.amgSource}</span>
                </td>
                <td>
                  {f.officialFigure ?? "No official figure found"}
                  {f.officialSource ? (
                    <>
                      <br />
                      <span className="figure-source">Source: {f.officialSource}</span>
                    </>
                  ) : null}
                </td>
                <td>{f.officialBasis ?? ""}</td>
                <td>{f.verdict ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">Charts and AMG members' own anonymous statistics will appear here as members join.</p>
    </div>
  );
}
