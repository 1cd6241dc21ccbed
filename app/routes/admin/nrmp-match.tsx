import { redirectWithFlash } from "~/app/flash.server";
import { pageTitle } from "~/app/page-title";
import { Form, Link } from "react-router";
import type { Route } from "./+types/nrmp-match";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { formatDateTime } from "~/app/format";
import { formFailure, formFailureOf } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { TableScroll } from "~/app/components/table-scroll";
import { listNrmpVersions, replaceNrmpDataset } from "~/domains/evidence/nrmp-dataset.server";
import { forgetPublicNumbers } from "~/domains/evidence/public-numbers.server";
import { readCsvUpload } from "./multipart-upload.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "NRMP match figures", "staff")];

const maxBytes = 512 * 1024;

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  return { versions: await listNrmpVersions(args.context.services.db), csrf: viewer.csrfToken };
}

// A multipart upload (works without JavaScript); checked row by row before anything is published.
export async function action(args: Route.ActionArgs) {
  const upload = await readCsvUpload(args.request, "file", maxBytes);
  const viewer = await requireStaff(args, upload.fields);
  const fail = (message: string, status = 400) => formFailure({}, { status, fieldErrors: { file: message } });
  if (upload.problem === "too-large") return fail("The file is larger than 512 KB.", 413);
  if (upload.problem === "unreadable" || !upload.file || upload.file.text.length === 0) return fail("Please choose a CSV file.");
  if (upload.file.text.includes("\u0000")) return fail("This is not a text CSV file.");
  const { db, clock } = args.context.services;
  const result = await replaceNrmpDataset(db, actorOf(viewer, args.context), upload.file.text, clock());
  if (!result.ok) return fail(`Nothing was changed. ${result.problems.map((p) => `Row ${p.row}: ${p.message}`).join(" ")}`);
  forgetPublicNumbers(db);
  return redirectWithFlash("/admin/reports/nrmp-match", `Published: ${result.rows} rows. The numbers page shows them now.`, args.context);
}

export default function NrmpMatch({ loaderData, actionData }: Route.ComponentProps) {
  const error = formFailureOf(actionData).fieldErrors.file;
  return (
    <>
      <p>
        <Link to="/admin/reports">← Reports</Link>
      </p>
      <h1>NRMP match figures</h1>
      <p className="lead">
        The chart of match results on the numbers page reads this file. Upload a corrected copy with the same columns; every row is checked first, and the previous version is kept below. Leave a
        figure empty when it is not known: the page shows it as missing, never a guess.
      </p>
      <p>
        <a className="button button-secondary" href="/numbers/nrmp-match.csv" download>
          Download the current file
        </a>
      </p>
      <FormAlert message={error} />
      <Form method="post" encType="multipart/form-data" className="stack-form">
        <CsrfField token={loaderData.csrf} />
        <div className={`field${error ? " field-error" : ""}`}>
          <label htmlFor="field-file">CSV file (columns: year, applicant_type, applicants, matched, positions, source, basis, rate_pct, confidence)</label>
          <input id="field-file" name="file" type="file" accept=".csv,text/csv" required aria-invalid={error ? true : undefined} aria-describedby={error ? "field-file-error" : undefined} />
          {error ? (
            <p className="error-message" id="field-file-error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit">Check and publish</button>
      </Form>
      <h2>Versions</h2>
      {loaderData.versions.length ? (
        <TableScroll label="Uploaded versions">
          <table>
            <thead>
              <tr>
                <th scope="col">Uploaded</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.versions.map((v, i) => (
                <tr key={v.id}>
                  <td>
                    {formatDateTime(v.createdAt)}
                    {i === 0 ? " (published)" : ""}
                  </td>
                  <td>{v.uploadedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>No upload yet: the page shows the file that ships with the platform (data/facts/nrmp-match.csv).</p>
      )}
    </>
  );
}
