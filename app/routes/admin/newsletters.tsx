import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/newsletters";
import { formatCount, formatDateTime } from "~/app/format";
import { requireStaff } from "~/app/session.server";
import { TableScroll } from "~/app/components/table-scroll";
import { listNewsletters } from "~/domains/email/newsletters/newsletter-reports.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Newsletters", "staff")];

const statusLabel: Record<string, string> = { draft: "Draft", scheduled: "Scheduled", sending: "Sending", paused: "Paused", sent: "Sent", cancelled: "Cancelled" };

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const rows = await listNewsletters(args.context.services.db);
  return { newsletters: rows.map((r) => ({ ...r, when: (r.finishedAt ?? r.startedAt ?? r.scheduledAt ?? r.updatedAt).toISOString() })) };
}

export default function Newsletters({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Newsletters</h1>
      <p className="button-row">
        <a className="button" href="/admin/newsletters/new">
          Write a newsletter
        </a>
        <a className="button button-secondary" href="/admin/newsletters/automations">
          Welcome e-mails
        </a>
        <a className="button button-secondary" href="/admin/newsletters/suppressions">
          Suppressed addresses
        </a>
      </p>
      {loaderData.newsletters.length === 0 ? (
        <p>No newsletter yet.</p>
      ) : (
        <TableScroll label="Newsletters">
          <table className="data-table">
            <caption className="visually-hidden">Newsletters, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Recipients</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.newsletters.map((n) => (
                <tr key={n.publicId}>
                  <td>
                    <a href={`/admin/newsletters/${n.publicId}`}>{n.subject}</a>
                  </td>
                  <td>{statusLabel[n.status]}</td>
                  <td>{n.recipientCount ? formatCount(n.recipientCount) : "—"}</td>
                  <td>{formatDateTime(n.when)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
