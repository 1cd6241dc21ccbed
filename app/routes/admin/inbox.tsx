import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import { ChoiceFilter, DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";
import type { Route } from "./+types/inbox";
import { formatDateTime } from "~/app/format";
import { positiveInt } from "~/app/format";
import { requireStaff } from "~/app/session.server";
import { listContactMessages } from "~/domains/site/contact-inbox.server";
import { contactMessageStatusLabels } from "~/domains/site/labels";

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

type Message = Route.ComponentProps["loaderData"]["messages"][number];

const columns: Column<Message>[] = [
  { key: "received", header: "Received", cell: (m) => formatDateTime(m.createdAt) },
  {
    key: "from",
    header: "From",
    cell: (m) => (
      <>
        {m.name}
        <br />
        <span className="hint">{m.email}</span>
      </>
    ),
  },
  { key: "subject", header: "Subject", cell: (m) => <Link to={`/admin/inbox/${m.publicId}`}>{m.subject}</Link> },
  { key: "status", header: "Status", cell: (m) => (m.status === "new" ? <strong>{contactMessageStatusLabels.new}</strong> : contactMessageStatusLabels.answered) },
];

export default function Inbox({ loaderData }: Route.ComponentProps) {
  const { messages, nextBefore, status, q } = loaderData;
  return (
    <>
      <h1>Inbox</h1>
      <DataTable
        caption="Contact messages, newest first"
        columns={columns}
        rows={messages}
        rowKey={(m) => m.publicId}
        query={{ q, status }}
        empty="No messages match."
        paging={{ kind: "older", before: nextBefore, label: "Older messages" }}
        filters={
          <>
            <label>
              Search <input type="search" name="q" defaultValue={q} placeholder="name, e-mail or subject" />
            </label>
            <ChoiceFilter label="Status" name="status" value={status} codes={["new", "answered"] as const} labels={contactMessageStatusLabels} />
          </>
        }
      />
    </>
  );
}
