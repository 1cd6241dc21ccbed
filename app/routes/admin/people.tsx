import { Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/people";
import { formatDateTime } from "~/app/format";
import { CsrfField } from "~/app/components/csrf-field";
import { FormField } from "~/app/components/form-field";
import { formFailureOf, parseForm } from "~/app/form-data";
import { actorOf, requireRole, requireStaff } from "~/app/session.server";
import { addPersonSchema, roles } from "~/domains/accounts/accounts.schema";
import { ensurePersonWithRole, findPersonByEmail, searchPeople } from "~/domains/accounts/people.server";
import { DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";
import { listSortOf, sortRows } from "~/app/list-sort";
import { roleLabels } from "~/domains/accounts/labels";
import type { Role } from "~/domains/accounts/accounts.schema";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "People", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const q = params.get("q")?.trim().slice(0, 100) || undefined;
  const role = roles.find((r) => r === params.get("role"));
  const sort = listSortOf(params, ["email", "roles", "lastSignIn", "account"] as const, { by: "email", direction: "asc" });
  const people = await searchPeople(args.context.services.db, { q, role, limit: 100 });
  return {
    people: sortRows(people, sort, { email: (p) => p.email, roles: (p) => p.roles.join(","), lastSignIn: (p) => p.lastSignInAt, account: (p) => (p.isDisabled ? 1 : 0) }),
    sort,
    q: q ?? "",
    role: role ?? "",
    csrf: viewer.csrfToken,
    canManage: viewer.roles.includes("admin"),
  };
}

// Admins add a person (a new mentor or staff volunteer) with a first role; they then sign in by e-mail.
export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireRole(args, "admin", formData);
  const form = parseForm(formData, addPersonSchema);
  if (!form.ok) return form.response;
  const { db } = args.context.services;
  await db.transaction((tx) => ensurePersonWithRole(tx, form.value.email, form.value.role, actorOf(viewer, args.context)));
  const person = await findPersonByEmail(db, form.value.email);
  return redirectWithFlash(`/admin/people/${person!.publicId}`, confirmations.personAdded, args.context);
}

type Person = Route.ComponentProps["loaderData"]["people"][number];

const peopleColumns: Column<Person>[] = [
  {
    key: "email",
    header: "E-mail",
    sortable: true,
    cell: (p) => (
      <>
        <Link to={`/admin/people/${p.publicId}`}>{p.email}</Link>
        {p.name ? <span className="hint"> {p.name}</span> : null}
      </>
    ),
  },
  { key: "roles", header: "Roles", sortable: true, cell: (p) => p.roles.map((r) => roleLabels[r as Role] ?? r).join(", ") || "—" },
  { key: "lastSignIn", header: "Last sign-in", sortable: true, cell: (p) => formatDateTime(p.lastSignInAt) },
  { key: "account", header: "Account", sortable: true, cell: (p) => (p.isDisabled ? <strong>Disabled</strong> : "Active") },
];

export default function People({ loaderData, actionData }: Route.ComponentProps) {
  const failure = formFailureOf(actionData);
  return (
    <>
      <h1>People</h1>
      {loaderData.canManage ? (
        <details className="add-person" open={failure.failed}>
          <summary>Add a person</summary>
          <Form method="post" noValidate className="stack-form">
            <CsrfField token={loaderData.csrf} />
            <FormField name="email" label="E-mail" type="email" error={failure.fieldErrors.email} defaultValue={failure.values.email} />
            <div className="field">
              <label htmlFor="field-role">First role</label>
              <select id="field-role" name="role" defaultValue={failure.values.role ?? "staff"}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r]}
                  </option>
                ))}
              </select>
              {failure.fieldErrors.role ? <p className="error-message">{failure.fieldErrors.role}</p> : null}
            </div>
            <button type="submit">Add</button>
          </Form>
        </details>
      ) : null}
      <DataTable
        caption="People with an account"
        columns={peopleColumns}
        rows={loaderData.people}
        rowKey={(p) => p.publicId}
        query={{ q: loaderData.q, role: loaderData.role }}
        sort={loaderData.sort}
        empty="No one matches."
        filterButton="Find"
        filters={
          <>
            <label>
              Search <input type="search" name="q" defaultValue={loaderData.q} placeholder="name or e-mail" />
            </label>
            <label>
              Role
              <select name="role" defaultValue={loaderData.role}>
                <option value="">Any</option>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r]}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
      />
    </>
  );
}
