import { Form, Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/legislators";
import { requireStaff } from "~/app/session.server";
import { searchCongressMembers } from "~/domains/advocacy/legislators/legislator-corrections.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Legislators", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const q = new URL(args.request.url).searchParams.get("q")?.trim().slice(0, 60) || undefined;
  return { rows: await searchCongressMembers(args.context.services.db, q), q: q ?? "" };
}

export default function Legislators({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Members of Congress</h1>
      <p className="hint">
        Correct a member's contact details when the reference data is out of date. Corrections survive reloads of the data. State legislators:{" "}
        <Link to="/admin/state-legislators">find and correct them here</Link>.
      </p>
      <Form method="get" className="filter-bar" role="search">
        <label>
          Name or state <input type="search" name="q" defaultValue={loaderData.q} placeholder="e.g. Mannion or NY" />
        </label>
        <button type="submit">Find</button>
      </Form>
      <TableScroll label="Members of Congress">
        <table className="data-table">
          <caption className="visually-hidden">Members of Congress</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Seat</th>
              <th scope="col">Phone</th>
              <th scope="col">Corrected</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.rows.map(({ member, override }) => (
              <tr key={member.bioguide}>
                <td>
                  <Link to={`/admin/legislators/${member.bioguide}`}>{member.fullName}</Link>
                </td>
                <td>{member.chamber === "senate" ? `Senate, ${member.state}` : `House, ${member.state}-${member.district}`}</td>
                <td>{override?.fields.phone ?? member.phone ?? "—"}</td>
                <td>{override ? `yes, by ${override.updatedBy}` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
