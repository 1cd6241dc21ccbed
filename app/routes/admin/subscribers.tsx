import { Form } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import { formFailureOf, formValues, withAppErrors } from "~/app/form-data";
import type { Route } from "./+types/subscribers";
import { CsrfField } from "~/app/components/csrf-field";
import { ChoiceFilter, DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";
import { FormAlert } from "~/app/components/form-alert";
import { formatCount, formatDateTime, positiveInt } from "~/app/format";
import { actorOf, requireStaff } from "~/app/session.server";
import { countSubscribers, listSubscribers, staffUnsubscribe } from "~/domains/email/subscriber-admin.server";
import type { SubscriberStatus } from "~/domains/email/subscriber-admin.server";
import { subscriberStatusLabels } from "~/domains/email/labels";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Subscribers", "staff")];

const pageSize = 50;
const statuses: SubscriberStatus[] = ["active", "pending", "unsubscribed"];

export function subscriberFilterFrom(url: URL) {
  const status = statuses.find((s) => s === url.searchParams.get("status"));
  const q = url.searchParams.get("q")?.trim().slice(0, 100) || undefined;
  return { status, q };
}

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const url = new URL(args.request.url);
  const filter = subscriberFilterFrom(url);
  const { db } = args.context.services;
  const [rows, total] = await Promise.all([listSubscribers(db, { ...filter, beforeId: positiveInt(url.searchParams.get("before")), limit: pageSize + 1 }), countSubscribers(db, filter)]);
  return {
    subscribers: rows.slice(0, pageSize),
    nextBefore: rows.length > pageSize ? rows[pageSize - 1].id : null,
    total,
    q: filter.q ?? "",
    status: filter.status ?? "",
    exportQuery: new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString(),
    csrf: viewer.csrfToken,
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const values = formValues(formData);
  return withAppErrors(values, async () => {
    await staffUnsubscribe(args.context.services.db, actorOf(viewer, args.context), values.subscriber ?? "", args.context.services.clock());
    return redirectWithFlash(new URL(args.request.url).pathname + new URL(args.request.url).search, confirmations.subscriberUnsubscribed, args.context);
  });
}

type Subscriber = Route.ComponentProps["loaderData"]["subscribers"][number];

export default function Subscribers({ loaderData, actionData }: Route.ComponentProps) {
  const { subscribers, nextBefore, total, q, status, exportQuery, csrf } = loaderData;
  const columns: Column<Subscriber>[] = [
    { key: "email", header: "E-mail", cell: (s) => s.email },
    { key: "status", header: "Status", cell: (s) => subscriberStatusLabels[s.status] },
    { key: "signedUp", header: "Signed up", cell: (s) => formatDateTime(s.createdAt) },
    {
      key: "actions",
      header: "Actions",
      hiddenHeader: true,
      cell: (s) =>
        s.status !== "unsubscribed" ? (
          <Form method="post">
            <CsrfField token={csrf} />
            <input type="hidden" name="subscriber" value={s.publicId} />
            <button type="submit" className="button-small button-secondary" aria-label={`Unsubscribe ${s.email}`}>
              Unsubscribe
            </button>
          </Form>
        ) : null,
    },
  ];
  return (
    <>
      <h1>Subscribers</h1>
      <p>{total.isCapped ? `More than ${formatCount(total.count)}` : formatCount(total.count)} matching</p>
      <FormAlert message={formFailureOf(actionData).formError} />
      <DataTable
        caption="Subscribers, newest first"
        columns={columns}
        rows={subscribers}
        rowKey={(s) => s.publicId}
        query={{ q, status }}
        empty="No subscribers match."
        paging={{ kind: "older", before: nextBefore, label: "Next page" }}
        filters={
          <>
            <label>
              Search <input type="search" name="q" defaultValue={q} placeholder="e-mail contains…" />
            </label>
            <ChoiceFilter label="Status" name="status" value={status} codes={statuses} labels={subscriberStatusLabels} />
          </>
        }
        filterExtras={
          <a className="button button-secondary" href={`/admin/subscribers.csv${exportQuery ? `?${exportQuery}` : ""}`} download>
            Export CSV
          </a>
        }
      />
    </>
  );
}
