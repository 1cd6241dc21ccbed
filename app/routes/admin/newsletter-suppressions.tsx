import { pageTitle } from "~/app/page-title";
import { Form } from "react-router";
import type { Route } from "./+types/newsletter-suppressions";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { formatCount } from "~/app/format";
import { actorOf, requireStaff } from "~/app/session.server";
import { importSuppressions } from "~/domains/email/newsletters/mail-events-webhook.server";
import { countSuppressions } from "~/domains/email/newsletters/suppressions.server";
import { recordAudit } from "~/platform/audit.server";
import { readCsvUpload } from "./multipart-upload.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Suppressed addresses", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  return { counts: await countSuppressions(args.context.services.db), csrf: viewer.csrfToken };
}

const maxBytes = 10 * 1024 * 1024;

// A multipart upload read by the same reader as the member import: a broken or cut-off upload is a
// message next to the field, never a 500.
export async function action(args: Route.ActionArgs) {
  const upload = await readCsvUpload(args.request, "file", maxBytes);
  const viewer = await requireStaff(args, upload.fields);
  const fail = (formError: string) => ({ imported: null, formError });
  if (upload.problem === "too-large") return fail("The file is too large (10 MB at most).");
  if (upload.problem === "unreadable" || !upload.file || !upload.file.text.trim()) return fail("Please choose a CSV file.");
  if (upload.file.text.includes("\u0000")) return fail("This is not a text CSV file.");
  const actor = actorOf(viewer, args.context);
  const { db } = args.context.services;
  const imported = await importSuppressions(db, upload.file.text, `csv import by ${actor.email}`);
  await recordAudit(db, actor, { action: "newsletter.suppressions-import", details: { added: imported.added, already: imported.already } });
  return { imported, formError: null };
}

const reasonLabel: Record<string, string> = {
  "hard-bounce": "Hard bounces",
  complaint: "Complaints",
  unsubscribe: "Unsubscribed from everything",
  manual: "Added by staff",
  "soft-bounces": "Repeated soft bounces",
};

export default function NewsletterSuppressions({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <p>
        <a href="/admin/newsletters">Newsletters</a>
      </p>
      <h1>Suppressed addresses</h1>
      <p className="lead">No newsletter, alert or update goes to these addresses. Sign-in links and receipts still do.</p>
      {loaderData.counts.length === 0 ? <p>No address is suppressed.</p> : null}
      <ul>
        {loaderData.counts.map((c) => (
          <li key={c.reason}>{`${reasonLabel[c.reason] ?? "Other"}: ${formatCount(c.count)}`}</li>
        ))}
      </ul>
      <h2>Import a list</h2>
      <p>A CSV file with a column named email and, if you like, a column named reason (bounce, complaint, unsubscribe or manual).</p>
      <FormAlert message={actionData?.formError} />
      {actionData?.imported ? (
        <div role="status" className="notice">
          <p>
            {formatCount(actionData.imported.added)} added, {formatCount(actionData.imported.already)} were already suppressed.
          </p>
          {actionData.imported.problems.length ? (
            <ul>
              {actionData.imported.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <CsrfField token={loaderData.csrf} />
        <div className="field">
          <label htmlFor="field-file">CSV file</label>
          <input id="field-file" type="file" name="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit">Import</button>
      </Form>
    </>
  );
}
