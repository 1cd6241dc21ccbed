import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/audit";
import { auditActionLabel, auditSubjectLabel } from "~/app/audit-labels";
import { DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";
import { formatDateTime, positiveInt } from "~/app/format";
import { requireStaff } from "~/app/session.server";
import { listAudit, listAuditActions } from "~/platform/audit.server";

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
  return {
    entries: rows.slice(0, pageSize).map((e) => ({ ...e, actionLabel: auditActionLabel(e.action), subjectLabel: e.subjectType ? auditSubjectLabel(e.subjectType) : null })),
    nextBefore: rows.length > pageSize ? rows[pageSize - 1].id : null,
    actions: actions.map((a) => ({ code: a, label: auditActionLabel(a) })).sort((x, y) => x.label.localeCompare(y.label)),
    q: q ?? "",
    action: action ?? "",
  };
}

type Entry = Route.ComponentProps["loaderData"]["entries"][number];

/** A detail's value as a short phrase ("title: Open letter", "isPublished: yes"). */
const detailText = (value: unknown): string =>
  typeof value === "boolean" ? (value ? "yes" : "no") : value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value);

const columns: Column<Entry>[] = [
  { key: "when", header: "When", cell: (e) => formatDateTime(e.at) },
  { key: "who", header: "Who", cell: (e) => e.actorEmail ?? "the system" },
  {
    key: "what",
    header: "What",
    cell: (e) => (
      <>
        {e.actionLabel}
        {Object.keys(e.details).length ? (
          <ul className="audit-details hint">
            {Object.entries(e.details).map(([k, v]) => (
              <li key={k}>
                {k}: {detailText(v)}
              </li>
            ))}
          </ul>
        ) : null}
      </>
    ),
  },
  { key: "subject", header: "About", cell: (e) => (e.subjectLabel ? `${e.subjectLabel} ${e.subjectId ?? ""}` : "—") },
  { key: "from", header: "From", cell: (e) => e.ip ?? "—" },
];

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { entries, nextBefore, actions, q, action } = loaderData;
  return (
    <>
      <h1>Audit log</h1>
      <p className="hint">Every staff change and every staff view of a person's private record, newest first. Entries cannot be edited or deleted.</p>
      <DataTable
        caption="Audit entries, newest first"
        columns={columns}
        rows={entries}
        rowKey={(e) => e.id}
        query={{ q, action }}
        empty="No entries match."
        paging={{ kind: "older", before: nextBefore, label: "Older entries" }}
        filters={
          <>
            <label>
              Search <input type="search" name="q" defaultValue={q} placeholder="who or what" />
            </label>
            <label>
              Action
              <select name="action" defaultValue={action}>
                <option value="">All</option>
                {actions.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.label}
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
