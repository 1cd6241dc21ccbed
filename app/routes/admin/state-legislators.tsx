import { Form, Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/state-legislators";
import { requireStaff } from "~/app/session.server";
import { searchStateLegislators } from "~/domains/advocacy/legislators/state-legislator-corrections.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "State legislators", "staff")];

/** Open States ids are "ocd-person/<uuid>": the page address carries the uuid. */
const stateLegislatorPath = (id: string) => `/admin/state-legislators/${id.replace(/^ocd-person\//, "")}`;

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const q = new URL(args.request.url).searchParams.get("q")?.trim().slice(0, 60) || undefined;
  return { rows: q ? await searchStateLegislators(args.context.services.db, q) : [], q: q ?? "" };
}

export default function StateLegislatorsAdmin({ loaderData }: Route.ComponentProps) {
  const { rows, q } = loaderData;
  return (
    <>
      <p>
        <Link to="/admin/legislators">← Members of Congress</Link>
      </p>
      <h1>State legislators</h1>
      <p className="hint">Letters go by e-mail to the address shown here. Correct it (or the phone or website) when the reference data is out of date; corrections survive reloads.</p>
      <Form method="get" className="filter-bar" role="search">
        <label>
          Name or state <input type="search" name="q" defaultValue={q} placeholder="e.g. Bynum or AK" />
        </label>
        <button type="submit">Find</button>
      </Form>
      {q && rows.length === 0 ? <p>No state legislator matches “{q}”.</p> : null}
      {rows.length ? (
        <TableScroll label="State legislators">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Seat</th>
                <th scope="col">E-mail</th>
                <th scope="col">Corrected</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id}>
                  <td>
                    <Link to={stateLegislatorPath(l.id)}>{l.name}</Link>
                  </td>
                  <td>
                    {l.state} {l.chamber} {l.district}
                  </td>
                  <td>{l.email ?? "—"}</td>
                  <td>{l.correctedByStaff ? "Yes" : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
