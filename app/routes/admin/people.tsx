import { Form, Link } from "react-router";
import type { Route } from "./+types/people";
import { formatDateTime } from "../../format";
import { requireStaff } from "../../session.server";
import { roles } from "../../../domains/accounts/accounts.schema";
import { searchPeople } from "../../../domains/accounts/people.server";

export const meta: Route.MetaFunction = () => [{ title: "People — AMG staff" }];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const q = params.get("q")?.trim().slice(0, 100) || undefined;
  const role = roles.find((r) => r === params.get("role"));
  return { people: await searchPeople(args.context.services.db, { q, role, limit: 100 }), q: q ?? "", role: role ?? "" };
}

export default function People({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>People</h1>
      <Form method="get" className="filter-bar" role="search">
        <label>
          Search <input type="search" name="q" defaultValue={loaderData.q} placeholder="name or e-mail" />
        </label>
        <label>
          Role
          <select name="role" defaultValue={loaderData.role}>
            <option value="">Any</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Find</button>
      </Form>
      <table className="data-table">
        <caption className="visually-hidden">People with an account</caption>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Roles</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.people.map((p) => (
            <tr key={p.publicId}>
              <td>
                <Link to={`/admin/people/${p.publicId}`}>{p.email}</Link>
                {p.name ? <span className="hint"> {p.name}</span> : null}
              </td>
              <td>{p.roles.join(", ") || "—"}</td>
              <td>{formatDateTime(p.lastSignInAt)}</td>
              <td>{p.isDisabled ? <strong>Disabled</strong> : "Active"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
