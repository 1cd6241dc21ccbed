import { Form } from "react-router";
import { pageTitle } from "~/app/page-title";
import { OlderLink } from "~/app/components/older-link";
import type { Route } from "./+types/audit";
import { formatDateTime, positiveInt } from "~/app/format";
import { requireStaff } from "~/app/session.server";
import { listAudit, listAuditActions } from "~/platform/audit.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Audit log", "staff")];

const pageSize = 100;

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const q = params.get("q")?.trim().slice(0, 100) || undefined;
  const { db } = args.context.services;
  const actions = await listAuditActions(db);
  const action = actions.find((a) => a === params.get("action"));
  const rows = await listAudit(db, { q, action, before: positiveInt(params.get("before")), limit: pageSize + 1 });
  return { entries: rows.slice(0, pageSize), nextBefore: rows.length > pageSize ? rows[pageSize - 1].id : null, actions, q: q ?? "", action: action ?? "" };
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { entries, nextBefore, actions, q, action } = loaderData;
  return (
    <>
      <h1>Audit log</h1>
      <p className="hint">Every staff change and every staff view of a person's private record. Entries cannot be edited or deleted.</p>
      <Form method="get" className="filter-bar" role="search">
        <label>
          Search <input type="search" name="q" defaultValue={q} placeholder="who or what" />
        </label>
        <label>
          Action
          <select name="action" defaultValue={action}>
            <option value="">All</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </Form>
      <TableScroll label="Audit log">
        <table className="data-table">
          <caption className="visually-hidden">Audit entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Subject</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actorEmail ?? "system"}</td>
                <td>
                  {e.action}
                  {Object.keys(e.details).length ? <span className="hint"> {JSON.stringify(e.details)}</span> : null}
                </td>
                <td>{e.subjectType ? `${e.subjectType} ${e.subjectId ?? ""}` : "—"}</td>
                <td>{e.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <OlderLink before={nextBefore} params={{ q, action }} label="Older entries" />
    </>
  );
}
