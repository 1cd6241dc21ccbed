import { data, Form } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/state-legislators";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { chamberName } from "~/domains/advocacy/legislators/state-chambers";
import { legislatureWebsite, listStateLegislators, searchStateList } from "~/domains/advocacy/legislators/state-legislators.server";
import { markPublic } from "~/platform/request-context";
import { TableScroll } from "~/app/components/table-scroll";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: ["q"] };

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `${d?.stateName ?? "State"} legislators`)];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const state = params.state.toUpperCase();
  const stateName = stateNames[state];
  if (!stateName) throw data({ message: "No such state." }, { status: 404 });
  const q = new URL(request.url).searchParams.get("q")?.trim().slice(0, 60) || undefined;
  markPublic(context);
  const all = await listStateLegislators(context.services.db, state);
  const legislators = (q ? searchStateList(all, q) : all).map((l) => ({ ...l, chamberName: chamberName(state, l.chamber) }));
  const website = legislatureWebsite(all);
  return { state, stateName, q: q ?? "", legislators, website };
}

export default function StateLegislators({ loaderData }: Route.ComponentProps) {
  const { stateName, q, legislators, website } = loaderData;
  return (
    <div className="page">
      <h1>{stateName} legislators</h1>
      <p className="lead">
        Find yours by name or district number. Not sure of your district? Look it up by address on{" "}
        {website ? (
          <>
            <a href={website} rel="noopener">
              your legislature's website
            </a>{" "}
            or on{" "}
          </>
        ) : null}
        <a href="https://openstates.org/find_your_legislator/" rel="noopener">
          Open States
        </a>
        .
      </p>
      <Form method="get" className="filter-bar" role="search">
        <label>
          Name or district <input type="search" name="q" defaultValue={q} />
        </label>
        <button type="submit">Search</button>
      </Form>
      {legislators.length === 0 ? <p>No legislator matches “{q}”.</p> : null}
      <TableScroll label={`${stateName} legislators`}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Chamber</th>
              <th scope="col">District</th>
              <th scope="col">Party</th>
              <th scope="col">Contact</th>
            </tr>
          </thead>
          <tbody>
            {legislators.map((l) => (
              <tr key={l.id}>
                <td>
                  {l.website ? (
                    <a href={l.website} rel="noopener">
                      {l.name}
                    </a>
                  ) : (
                    l.name
                  )}
                </td>
                <td>{l.chamberName}</td>
                <td>{l.district}</td>
                <td>{l.party}</td>
                <td>
                  {l.email ? <a href={`mailto:${l.email}`}>{l.email}</a> : null}
                  {l.email && l.capitolPhone ? <br /> : null}
                  {l.capitolPhone ?? (l.email ? null : (l.districtPhone ?? "—"))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
