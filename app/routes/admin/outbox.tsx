import { Form } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import { formFailureOf, formValues, withAppErrors } from "~/app/form-data";
import type { Route } from "./+types/outbox";
import { CsrfField } from "~/app/components/csrf-field";
import { ChoiceFilter, DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";
import { FormAlert } from "~/app/components/form-alert";
import { formatDateTime, positiveInt } from "~/app/format";
import { actorOf, requireStaff } from "~/app/session.server";
import { listOutbox, resendOutboxMessage } from "~/domains/email/outbox-admin.server";
import type { OutboxStatus } from "~/domains/email/outbox-admin.server";
import { outboxStatusLabels } from "~/domains/email/labels";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Outbox", "staff")];

const pageSize = 50;
const statuses: OutboxStatus[] = ["queued", "sent", "stored", "failed"];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const url = new URL(args.request.url);
  const status = statuses.find((s) => s === url.searchParams.get("status"));
  const rows = await listOutbox(args.context.services.db, { status, beforeId: positiveInt(url.searchParams.get("before")), limit: pageSize + 1 });
  return { messages: rows.slice(0, pageSize), nextBefore: rows.length > pageSize ? rows[pageSize - 1].id : null, status: status ?? "", csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const values = formValues(formData);
  return withAppErrors(values, async () => {
    await resendOutboxMessage(args.context.services.db, args.context.services.jobs, actorOf(viewer, args.context), values.message ?? "");
    return redirectWithFlash("/admin/outbox", confirmations.outboxResent, args.context);
  });
}

type Message = Route.ComponentProps["loaderData"]["messages"][number];

export default function Outbox({ loaderData, actionData }: Route.ComponentProps) {
  const { messages, nextBefore, status, csrf } = loaderData;
  const columns: Column<Message>[] = [
    { key: "created", header: "Created", cell: (m) => formatDateTime(m.createdAt) },
    { key: "to", header: "To", cell: (m) => m.toAddress },
    { key: "subject", header: "Subject", cell: (m) => m.subject },
    {
      key: "status",
      header: "Status",
      cell: (m) => (
        <>
          {outboxStatusLabels[m.status]}
          {m.lastError ? <span className="hint"> — {m.lastError}</span> : null}
          {m.attempts > 1 ? <span className="hint"> ({m.attempts} attempts)</span> : null}
        </>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      hiddenHeader: true,
      cell: (m) =>
        m.status === "failed" ? (
          <Form method="post">
            <CsrfField token={csrf} />
            <input type="hidden" name="message" value={m.publicId} />
            <button type="submit" className="button-small" aria-label={`Resend the e-mail to ${m.toAddress}`}>
              Resend
            </button>
          </Form>
        ) : null,
    },
  ];
  return (
    <>
      <h1>Outbox</h1>
      <p className="hint">Every e-mail the platform has sent or queued, newest first. Without an SMTP server, messages are kept here.</p>
      <FormAlert message={formFailureOf(actionData).formError} />
      <DataTable
        caption="Outgoing e-mail, newest first"
        columns={columns}
        rows={messages}
        rowKey={(m) => m.publicId}
        query={{ status }}
        empty="No e-mail matches."
        paging={{ kind: "older", before: nextBefore, label: "Older messages" }}
        filters={<ChoiceFilter label="Status" name="status" value={status} codes={statuses} labels={outboxStatusLabels} />}
      />
    </>
  );
}
