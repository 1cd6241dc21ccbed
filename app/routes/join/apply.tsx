import { data, Form, Link } from "react-router";
import type { Route } from "./+types/apply";
import { FormAlert } from "../../components/form-alert";
import { ApplicationFields } from "../../components/application-fields";
import { CsrfField } from "../../components/csrf-field";
import { HoneypotField } from "../../components/form-field";
import { formatDateTime } from "../../format";
import { getViewer, verifyCsrf } from "../../session.server";
import { siteSettingsFor } from "../../site-settings.server";
import { applicationFormValues } from "../../../domains/membership/profile";
import { deleteApplicationDraft, findApplicationDraft, saveApplicationDraft } from "../../../domains/membership/application-drafts.server";
import { formValues, invalidForm, isSpam, passActionHeaders, rateLimitedForm } from "../../form-data";
import { applicationInputSchema, examKeys, examLabels } from "../../../domains/membership/membership.schema";
import { findApplicationByUpdateToken, submitApplication } from "../../../domains/membership/submit-application.server";
import type { EligibilityResult } from "../../../domains/membership/eligibility";

export const meta: Route.MetaFunction = () => [{ title: "Apply for membership — AMG" }, { name: "description", content: "Apply to become a member of the Alliance of Medical Graduates." }];

export const headers = passActionHeaders;

export async function loader(args: Route.LoaderArgs) {
  const { request, context } = args;
  const viewer = await signedInViewer(args);
  const signedIn = viewer ? { csrf: viewer.csrfToken, email: viewer.email } : null;
  const token = new URL(request.url).searchParams.get("update");
  if (token) {
    const app = await findApplicationByUpdateToken(context.services.db, token, context.services.clock());
    return { prefill: app ? applicationFormValues(app) : null, updateMissing: !app, signedIn, draftSavedAt: null as Date | null };
  }
  // A signed-in applicant continues where they stopped.
  const draft = viewer ? await findApplicationDraft(context.services.db, viewer.personId) : null;
  return { prefill: draft ? { email: viewer!.email, ...draft.values } : viewer ? { email: viewer.email } : null, updateMissing: false, signedIn, draftSavedAt: draft?.updatedAt ?? null };
}

/** Signed in (second factor done, if any), or null: the form is public, saving a draft is not. */
async function signedInViewer(args: { request: Request; context: Route.LoaderArgs["context"] }) {
  const viewer = await getViewer(args);
  return viewer && !viewer.secondFactorPending ? viewer : null;
}

type Done = { done: true; result: EligibilityResult };

export async function action(args: Route.ActionArgs) {
  const { request, context } = args;
  const formData = await request.formData();
  const values = formValues(formData);
  if (isSpam(values)) return data<Done>({ done: true, result: { decision: "needs-review", reasons: [] } });
  const viewer = await signedInViewer(args);
  if (values.intent === "save-draft") {
    // Saving is for signed-in applicants only, with the session's CSRF token; nothing is validated yet.
    if (!viewer) return data({ fieldErrors: {} as Record<string, string>, formError: "Please sign in to save your application and finish it later." as string | null, values }, { status: 401 });
    verifyCsrf(viewer, formData);
    await saveApplicationDraft(context.services.db, viewer.personId, values, context.services.clock());
    return data({ draftSaved: true as const, values });
  }
  const parsed = applicationInputSchema(context.services.clock()).safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error.issues, values);
  const { organisation } = await siteSettingsFor(context); // read once for this request (the layout needs it too)
  const outcome = await submitApplication({ ...context.services, input: parsed.data, ip: context.clientIp, organisation });
  if (!outcome.ok) return rateLimitedForm("Too many applications from your connection in a short time.", outcome.retryAfterSeconds, values);
  if (viewer) await deleteApplicationDraft(context.services.db, viewer.personId);
  return data<Done>({ done: true, result: outcome.result });
}

const exams = examKeys.map((k) => [k, examLabels[k]] as [string, string]);

export default function Apply({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData && "done" in actionData) {
    const { decision, reasons } = actionData.result;
    return (
      <div className="page narrow">
        <h1>{decision === "ineligible" ? "We cannot accept this application" : "Thank you: your application is with us"}</h1>
        {decision === "ineligible" ? (
          <>
            <p className="lead">From your answers:</p>
            <ul>{reasons.map((r) => <li key={r.code}>{r.message}</li>)}</ul>
            <p>If something was entered wrongly, <Link to="/join/apply">apply again</Link> with the same e-mail; your application will be updated.</p>
            <p>You can still help: <Link to="/newsletter">subscribe to our newsletter</Link> and <Link to="/act">contact your legislators</Link>.</p>
          </>
        ) : (
          <>
            <p className="lead">A volunteer doctor will review it and write to you, usually within a week. We have sent you a copy by e-mail.</p>
            {reasons.length ? (
              <>
                <p>Before we can decide:</p>
                <ul>{reasons.map((r) => <li key={r.code}>{r.message}</li>)}</ul>
              </>
            ) : null}
          </>
        )}
      </div>
    );
  }
  const errors: Record<string, string | undefined> = actionData && "fieldErrors" in actionData ? actionData.fieldErrors : {};
  const v = (actionData && "values" in actionData ? actionData.values : null) ?? loaderData.prefill ?? {};
  const errorCount = Object.keys(errors).length;
  return (
    <div className="page narrow">
      <h1>Apply for membership</h1>
      <p className="lead">About ten minutes. You will see at once whether you qualify, and why; a volunteer doctor then reviews every application.</p>
      {loaderData.updateMissing ? <FormAlert message="This update link has expired or was replaced. Fill in the form again with the same e-mail and your application will be updated." /> : null}
      <FormAlert message={actionData && "formError" in actionData ? actionData.formError : null} />
      {errorCount ? <FormAlert message={`Please correct ${errorCount === 1 ? "the field" : `the ${errorCount} fields`} marked below.`} /> : null}
      {actionData && "draftSaved" in actionData ? (
        <div className="alert alert-ok" role="status">
          Saved. Sign in again any time to finish your application: this form will be filled in as you left it.
        </div>
      ) : loaderData.draftSavedAt ? (
        <p className="hint" role="status">
          We filled in the form from the application you saved on {formatDateTime(loaderData.draftSavedAt)}.
        </p>
      ) : null}
      <Form method="post" noValidate className="stack-form">
        {loaderData.signedIn ? <CsrfField token={loaderData.signedIn.csrf} /> : null}
        <ApplicationFields values={v} errors={errors} exams={exams} />
        <HoneypotField />
        <div className="button-row">
          <button type="submit">Send my application</button>
          {loaderData.signedIn ? (
            <button type="submit" name="intent" value="save-draft" className="button-secondary">
              Save and finish later
            </button>
          ) : null}
        </div>
        {loaderData.signedIn ? null : (
          <p className="hint">
            Have an AMG account? <Link to="/sign-in?next=%2Fjoin%2Fapply">Sign in</Link> first to be able to save the form and finish it later.
          </p>
        )}
      </Form>
    </div>
  );
}
