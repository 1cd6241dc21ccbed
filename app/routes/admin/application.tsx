import { data, Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { auditActionLabel } from "~/app/audit-labels";
import { findNextWaitingApplication } from "~/domains/membership/next-waiting-application.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/application";
import { AuditHistory } from "~/app/components/audit-history";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField } from "~/app/components/form-field";
import { formatDateTime } from "~/app/format";
import { formFailureOf, formValues, parseForm, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import {
  citizenshipLabels,
  decisionLabels,
  degreeShortLabels,
  ecfmgLabels,
  examKeys,
  examLabels,
  examResultLabels,
  labelOf,
  statusLabels,
  trainingLabels,
  yesNoLabel,
} from "~/domains/membership/labels";
import { listAudit } from "~/platform/audit.server";
import { readApplication, reviewApplication, reviewInputSchema, setVerified } from "~/domains/membership/review-application.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Application", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const application = await readApplication(args.context.services.db, actorOf(viewer, args.context), args.params.publicId);
  if (!application) throw data({ message: "No such application." }, { status: 404 });
  const history = await listAudit(args.context.services.db, { q: application.publicId, limit: 30 });
  const nextWaiting = application.status === "awaiting-review" ? null : await findNextWaitingApplication(args.context.services.db, application.publicId);
  return { application, history, csrf: viewer.csrfToken, nextWaiting };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const values = formValues(formData);
  return withAppErrors(values, async () => {
    if (values.intent === "verify" || values.intent === "unverify") {
      await setVerified(args.context.services.db, actorOf(viewer, args.context), args.params.publicId, values.intent === "verify", args.context.services.clock());
      return redirectWithFlash(`/admin/applications/${args.params.publicId}`, values.intent === "verify" ? confirmations.applicationVerified : confirmations.applicationUnverified, args.context);
    }
    const form = parseForm(formData, reviewInputSchema);
    if (!form.ok) return form.response;
    await reviewApplication({ ...args.context.services, actor: actorOf(viewer, args.context), publicId: args.params.publicId, input: form.value });
    const done = { approve: confirmations.applicationApproved, reject: confirmations.applicationRejected, "more-info": confirmations.applicationMoreInfo }[form.value.outcome];
    return redirectWithFlash(`/admin/applications/${args.params.publicId}`, done, args.context);
  });
}

export default function Application({ loaderData, actionData }: Route.ComponentProps) {
  const { application: a, csrf, history } = loaderData;
  const failure = formFailureOf(actionData);
  return (
    <>
      <p className="button-row">
        <Link to="/admin/applications">← Applications</Link>
        {loaderData.nextWaiting ? <Link to={`/admin/applications/${loaderData.nextWaiting}`}>Next waiting application →</Link> : null}
      </p>
      <h1>{a.name}</h1>
      <p>
        <a href={`mailto:${a.email}`}>{a.email}</a> · ZIP {a.zip} {a.state ? `(${a.state})` : ""} {a.districts.length ? `· district ${a.districts.join(" or ")}` : ""} · received{" "}
        {formatDateTime(a.createdAt)} · status <strong>{labelOf(statusLabels, a.status)}</strong>
        {a.reviewedBy ? ` (by ${a.reviewedBy}, ${formatDateTime(a.reviewedAt)})` : ""}
      </p>
      <h2>What the rules say: {labelOf(decisionLabels, a.decision).toLowerCase()}</h2>
      {a.reasons.length ? (
        <ul>
          {a.reasons.map((r) => (
            <li key={r.code}>{r.message}</li>
          ))}
        </ul>
      ) : (
        <p>Every rule is met.</p>
      )}
      <h2>Answers</h2>
      <dl className="answers">
        <dt>Citizenship</dt>
        <dd>{labelOf(citizenshipLabels, a.citizenship)}</dd>
        <dt>Degree and school</dt>
        <dd>
          {labelOf(degreeShortLabels, a.degree)}, {a.schoolName} ({a.schoolCountry}), {a.graduationYear}
        </dd>
        <dt>Exams</dt>
        <dd>
          {examKeys
            .filter((k) => a.exams[k] && a.exams[k].result !== "not-taken")
            .map((k) => `${examLabels[k]}: ${labelOf(examResultLabels, a.exams[k].result).toLowerCase()}${a.exams[k].date ? ` (${a.exams[k].date})` : ""}`)
            .join("; ") || "none"}
        </dd>
        <dt>ECFMG</dt>
        <dd>{labelOf(ecfmgLabels, a.ecfmgCertified)}</dd>
        <dt>Residency</dt>
        <dd>{labelOf(trainingLabels, a.trainingStatus)}</dd>
        <dt>Specialties</dt>
        <dd>{a.specialties.join(", ") || "—"}</dd>
        <dt>Would work in</dt>
        <dd>{a.workStates.join(", ") || "—"}</dd>
        <dt>Primary care, underserved area</dt>
        <dd>{yesNoLabel(a.primaryCareUnderserved)}</dd>
        <dt>Anonymous statistics</dt>
        <dd>{yesNoLabel(a.consentStatistics)}</dd>
      </dl>
      {a.reviewNote ? <p>Last note to the applicant: {a.reviewNote}</p> : null}
      <h2>Documents</h2>
      <Form method="post">
        <CsrfField token={csrf} />
        <p>
          {a.verifiedAt ? `Verified by ${a.verifiedBy}, ${formatDateTime(a.verifiedAt)}. ` : "Not verified yet. "}
          <button type="submit" name="intent" value={a.verifiedAt ? "unverify" : "verify"} className="button-small button-secondary">
            {a.verifiedAt ? "Remove verification" : "Mark verified (documents checked)"}
          </button>
        </p>
      </Form>
      {a.status !== "approved" ? (
        <>
          <h2>Decide</h2>
          <FormAlert message={failure.formError} />
          <Form method="post" className="stack-form">
            <CsrfField token={csrf} />
            <FormField
              name="note"
              label="Note to the applicant"
              multiline
              required={false}
              defaultValue={failure.values.note}
              error={failure.fieldErrors.note}
              hint="Needed when you reject or ask for more information; it is e-mailed to the applicant."
            />
            <div className="button-row">
              <button type="submit" name="outcome" value="approve">
                Approve as member
              </button>
              <button type="submit" name="outcome" value="more-info" className="button-secondary">
                Ask for more information
              </button>
              <button type="submit" name="outcome" value="reject" className="button-secondary">
                Reject
              </button>
            </div>
          </Form>
        </>
      ) : null}
      <AuditHistory entries={history} labelOf={auditActionLabel} />
    </>
  );
}
