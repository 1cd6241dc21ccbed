import { Form } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import { formFailureOf, formValues, withAppErrors } from "~/app/form-data";
import type { Route } from "./+types/outbox";
import { CsrfField } from "~/app/components/csrf-field";
import { OlderLink } from "~/app/components/older-link";
import { FormAlert } from "~/app/components/form-alert";
import { formatDateTime, positiveInt } from "~/app/format";
import { actorOf, requireStaff } from "~/app/session.server";
import { listOutbox, resendOutboxMessage } from "~/domains/email/outbox-admin.server";
import type { OutboxStatus } from "~/domains/email/outbox-admin.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Outbox", "staff")];

const pageSize = 50;
const statuses: OutboxStatus[] = ["queued", "sent", "stored", "failed"];
const statusLabel: Record<OutboxStatus, string> = { queued: "Queued", sent: "Sent", stored: "Kept (no SMTP)", failed: "Failed" };

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

export default function Outbox({ loaderData, actionData }: Route.ComponentProps) {
  const { messages, nextBefore, status, csrf } = loaderData;
  return (
    <>
      <h1>Outbox</h1>
      <p className="hint">Every e-mail the platform has sent or queued. Without an SMTP server, messages are kept here.</p>
      <Form method="get" className="filter-bar">
        <label>
          Status
          <select name="status" defaultValue={status}>
            <option value="">All</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </Form>
      <FormAlert message={formFailureOf(actionData).formError} />
      <TableScroll label="Outgoing e-mail">
        <table className="data-table">
          <caption className="visually-hidden">Outgoing e-mail, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.publicId}>
                <td>{formatDateTime(m.createdAt)}</td>
                <td>{m.toAddress}</td>
                <td>{m.subject}</td>
                <td>
                  {statusLabel[m.status]}
                  {m.lastError ? <span className="hint"> — {m.lastError}</span> : null}
                  {m.attempts > 1 ? <span className="hint"> ({m.attempts} attempts)</span> : null}
                </td>
                <td>
                  {m.status === "failed" ? (
                    <Form method="post">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="message" value={m.publicId} />
                      <button type="submit" className="button-small">
                        Resend
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <OlderLink before={nextBefore} params={{ status }} label="Older messages" />
    </>
  );
}
