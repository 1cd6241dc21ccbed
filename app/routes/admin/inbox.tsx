import { Form, Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import { OlderLink } from "~/app/components/older-link";
import type { Route } from "./+types/inbox";
import { formatDateTime } from "~/app/format";
import { positiveInt } from "~/app/format";
import { requireStaff } from "~/app/session.server";
import { listContactMessages } from "~/domains/site/contact-inbox.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Inbox", "staff")];

const pageSize = 50;

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const status = params.get("status") === "new" || params.get("status") === "answered" ? (params.get("status") as "new" | "answered") : undefined;
  const q = params.get("q")?.trim().slice(0, 100) || undefined;
  const messages = await listContactMessages(args.context.services.db, { status, q, beforeId: positiveInt(params.get("before")), limit: pageSize + 1 });
  return { messages: messages.slice(0, pageSize), nextBefore: messages.length > pageSize ? messages[pageSize - 1].id : null, status: status ?? "", q: q ?? "" };
}

export default function Inbox({ loaderData }: Route.ComponentProps) {
  const { messages, nextBefore, status, q } = loaderData;
  return (
    <>
      <h1>Inbox</h1>
      <Form method="get" className="filter-bar" role="search">
        <label>
          Search <input type="search" name="q" defaultValue={q} placeholder="name, e-mail or subject" />
        </label>
        <label>
          Status
          <select name="status" defaultValue={status}>
            <option value="">All</option>
            <option value="new">Waiting for an answer</option>
            <option value="answered">Answered</option>
          </select>
        </label>
        <button type="submit">Filter</button>
      </Form>
      {messages.length === 0 ? (
        <p>No messages match.</p>
      ) : (
        <TableScroll label="Contact messages">
          <table className="data-table">
            <caption className="visually-hidden">Contact messages, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">From</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.publicId}>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>
                    {m.name}
                    <br />
                    <span className="hint">{m.email}</span>
                  </td>
                  <td>
                    <Link to={`/admin/inbox/${m.publicId}`}>{m.subject}</Link>
                  </td>
                  <td>{m.status === "new" ? <strong>Waiting</strong> : "Answered"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <OlderLink before={nextBefore} params={{ q, status }} label="Older messages" />
    </>
  );
}
