import { Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/applications-import";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { formatDateTime } from "~/app/format";
import { formFailure, formFailureOf, minutes } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { listMemberImports, maxImportBytes, startMemberImport } from "~/domains/membership/import-members.server";
import { memberCsvColumns } from "~/domains/membership/member-csv";
import { messages } from "~/domains/membership/messages";
import { readCsvUpload } from "./multipart-upload.server";
import { TableScroll } from "~/app/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Import members from CSV", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  return { imports: await listMemberImports(args.context.services.db), csrf: viewer.csrfToken };
}

// A multipart upload (works without JavaScript), streamed: the file is read as it arrives, never
// past the import's size limit; then stored and its dry run queued.
export async function action(args: Route.ActionArgs) {
  const upload = await readCsvUpload(args.request, "file", maxImportBytes);
  const viewer = await requireStaff(args, upload.fields);
  // The file cannot be typed back into the form, so a failure keeps no values.
  const fail = (message: string, init: { status?: number; headers?: HeadersInit } = {}) => formFailure({}, { ...init, fieldErrors: { file: message } });
  if (upload.problem === "too-large") return fail(messages.importTooLarge(maxImportBytes / 1024 / 1024), { status: 413 });
  if (upload.problem === "unreadable") return fail(messages.importUnreadable);
  if (!upload.file || upload.file.text.length === 0) return fail(messages.importFileMissing);
  const csv = upload.file.text;
  if (csv.includes("\u0000")) return fail(messages.importBinary);
  const { db, jobs, clock } = args.context.services;
  const started = await startMemberImport({ db, jobs, actor: actorOf(viewer, args.context), fileName: upload.file.name, csv, now: clock() });
  if (!started.ok) return fail(messages.importsRateLimited(minutes(started.retryAfterSeconds)), { status: 429, headers: { "Retry-After": String(started.retryAfterSeconds) } });
  return redirectWithFlash(`/admin/applications/import/${started.publicId}`, confirmations.importStarted, args.context);
}

const statusLabel = { checking: "Checking", checked: "Checked, waiting for you", importing: "Importing", done: "Imported", failed: "Failed", cancelled: "Cancelled" } as const;

export default function ImportMembers({ loaderData, actionData }: Route.ComponentProps) {
  const error = formFailureOf(actionData).fieldErrors.file;
  return (
    <>
      <p>
        <Link to="/admin/applications">← Applications and members</Link>
      </p>
      <h1>Import members from a CSV file</h1>
      <p className="lead">
        First a dry run: every row is checked with the rules of the application form and you see each problem by row and column. Nothing is written until you confirm. Rows are matched by e-mail: a
        known e-mail updates that person, never a second record. Imported people are not e-mailed.
      </p>
      <p>
        <a className="button button-secondary" href="/admin/applications/import/template.csv" download>
          Download the template (CSV)
        </a>{" "}
        A file exported from the directory imports as it is.
      </p>
      <FormAlert message={error} />
      <Form method="post" encType="multipart/form-data" className="stack-form">
        <CsrfField token={loaderData.csrf} />
        <div className={`field${error ? " field-error" : ""}`}>
          <label htmlFor="field-file">CSV file (UTF-8, first row naming the columns)</label>
          <input id="field-file" name="file" type="file" accept=".csv,text/csv" required aria-invalid={error ? true : undefined} aria-describedby={error ? "field-file-error" : undefined} />
          {error ? (
            <p className="error-message" id="field-file-error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit">Check the file (dry run)</button>
      </Form>
      <h2>Columns</h2>
      <TableScroll label="Columns of the members CSV">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Required</th>
              <th scope="col">What to write</th>
            </tr>
          </thead>
          <tbody>
            {memberCsvColumns.map((c) => (
              <tr key={c.column}>
                <td>
                  <code>{c.column}</code>
                </td>
                <td>{c.required ? "yes" : "no"}</td>
                <td>{c.help}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {loaderData.imports.length ? (
        <>
          <h2>Recent imports</h2>
          <ul>
            {loaderData.imports.map((i) => (
              <li key={i.publicId}>
                <Link to={`/admin/applications/import/${i.publicId}`}>{i.fileName}</Link> — {statusLabel[i.status]}, {i.totalRows.toLocaleString("en-US")} rows, by {i.createdBy},{" "}
                {formatDateTime(i.createdAt)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
