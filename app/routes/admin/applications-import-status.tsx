import { data, Form, Link, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/applications-import-status";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { formatCount, formatDateTime } from "~/app/format";
import { formFailureOf, formValues, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { cancelMemberImport, confirmMemberImport, findMemberImport } from "~/domains/membership/import-members.server";
import { TableScroll } from "~/app/components/table-scroll";

const isRunning = (status: string) => status === "checking" || status === "importing";

// While the job works the page reloads itself every 2 seconds: a progress bar without JavaScript.
export const meta: Route.MetaFunction = ({ data: d, matches }) => [
  pageTitle(matches, "Member import", "staff"),
  ...(d && "imp" in d && isRunning(d.imp.status) ? [{ httpEquiv: "refresh", content: "2" }] : []),
];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const imp = await findMemberImport(args.context.services.db, args.params.publicId);
  if (!imp) throw data({ message: "No such import." }, { status: 404 });
  return { imp, csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const { db, jobs, clock } = args.context.services;
  const actor = actorOf(viewer, args.context);
  const values = formValues(formData);
  return withAppErrors(values, async () => {
    if (values.intent === "cancel") await cancelMemberImport(db, actor, args.params.publicId, clock());
    else await confirmMemberImport({ db, jobs, actor, publicId: args.params.publicId, now: clock() });
    return redirect(`/admin/applications/import/${args.params.publicId}`);
  });
}

export default function ImportStatus({ loaderData, actionData }: Route.ComponentProps) {
  const { imp, csrf } = loaderData;
  const running = isRunning(imp.status);
  const total = imp.status === "importing" ? imp.totalRows : 0;
  return (
    <>
      <p>
        <Link to="/admin/applications/import">← Import members</Link>
      </p>
      <h1>Import of {imp.fileName}</h1>
      <p className="hint">
        Uploaded by {imp.createdBy}, {formatDateTime(imp.createdAt)}.
      </p>
      <FormAlert message={formFailureOf(actionData).formError} />
      {running ? (
        <div className="progress" role="status">
          <p id="import-progress">
            {imp.status === "checking" ? "Checking the file (dry run): " : "Importing: "}
            <strong>{formatCount(imp.processedRows)}</strong> rows{total ? ` of ${formatCount(total)}` : ""} so far. This page updates itself.
          </p>
          {total ? <progress max={total} value={Math.min(imp.processedRows, total)} aria-labelledby="import-progress" /> : <progress aria-labelledby="import-progress" />}
        </div>
      ) : null}
      {imp.status === "failed" ? (
        <div className="alert alert-error" role="alert">
          <p>{imp.failure}</p>
          <p>
            <Link to="/admin/applications/import">Upload a corrected file</Link>
          </p>
        </div>
      ) : null}
      {imp.status === "checked" || imp.status === "done" || imp.status === "cancelled" ? (
        <>
          <h2>{imp.status === "checked" ? "Dry run" : "Result"}</h2>
          <p>
            {formatCount(imp.totalRows)} rows: <strong>{formatCount(imp.validRows)} valid</strong>, <strong>{formatCount(imp.errorRows)} with problems</strong>
            {imp.status === "checked" && imp.errorRows ? " (skipped by the import: correct them and import the file again)" : ""}.
            {imp.status === "done" ? ` ${formatCount(imp.inserted)} added, ${formatCount(imp.updated)} updated.` : ""}
            {imp.status === "cancelled" ? " Cancelled: nothing was imported." : ""}
          </p>
          {imp.failure ? <p className="hint">{imp.failure}</p> : null}
        </>
      ) : null}
      {imp.status === "checked" ? (
        imp.validRows ? (
          <Form method="post" className="button-row">
            <CsrfField token={csrf} />
            <button type="submit" name="intent" value="import">
              Import {formatCount(imp.validRows)} valid {imp.validRows === 1 ? "row" : "rows"}
            </button>
            <button type="submit" name="intent" value="cancel" className="button-secondary">
              Cancel
            </button>
          </Form>
        ) : (
          <p>
            No row can be imported. <Link to="/admin/applications/import">Upload a corrected file</Link>.
          </p>
        )
      ) : null}
      {imp.status === "done" ? (
        <p>
          <Link to="/admin/applications?status=all">Open the directory</Link>
        </p>
      ) : null}
      {imp.errors.length && imp.status !== "checking" ? (
        <>
          <h2>Problems, row by row</h2>
          <p className="hint">Row 1 is the header, so row 2 is the first person.{imp.errorRows > imp.errors.length ? ` The first ${formatCount(imp.errors.length)} problems are shown.` : ""}</p>
          <TableScroll label="Problems in the file">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {imp.errors.map((e) => (
                  <tr key={`${e.row}:${e.column}`}>
                    <td>{e.row}</td>
                    <td>
                      <code>{e.column}</code>
                    </td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </>
  );
}
