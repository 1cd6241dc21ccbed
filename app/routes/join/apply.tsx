import { data, Form, Link } from "react-router";
import { organisationNamesOf, pageTitle } from "~/app/page-title";
import type { Route } from "./+types/apply";
import { FormAlert } from "~/app/components/form-alert";
import { ApplicationFields } from "~/app/components/application-fields";
import { CsrfField } from "~/app/components/csrf-field";
import { HoneypotField } from "~/app/components/form-field";
import { formatDateTime } from "~/app/format";
import { getViewer, verifyCsrf } from "~/app/session.server";
import { siteSettingsFor } from "~/app/site-settings.server";
import { applicationFormValues } from "~/domains/membership/profile";
import { deleteApplicationDraft, findApplicationDraft, saveApplicationDraft } from "~/domains/membership/application-drafts.server";
import { formFailure, formFailureOf, isSpam, parseForm, passActionHeaders, rateLimitedForm } from "~/app/form-data";
import { messages } from "~/domains/membership/messages";
import { applicationInputSchema, examKeys, examLabels } from "~/domains/membership/membership.schema";
import { findApplicationByUpdateToken, submitApplication } from "~/domains/membership/submit-application.server";
import type { EligibilityResult } from "~/domains/membership/eligibility";

export const meta: Route.MetaFunction = ({ matches }) => [
  pageTitle(matches, "Apply for membership"),
  { name: "description", content: `Apply to become a member of the ${organisationNamesOf(matches).name}.` },
];

export const headers = passActionHeaders;

export async function loader(args: Route.LoaderArgs) {
  const { request, context } = args;
  const viewer = await signedInViewer(args);
  const signedIn = viewer ? { csrf: viewer.csrfToken, email: viewer.email } : null;
  const token = new URL(request.url).searchParams.get("update");
  if (token) {
    const app = await findApplicationByUpdateToken(context.services.db, token, context.services.clock());
    // The form sends the link's token back: it proves the address, so the answers apply at once.
    return { prefill: app ? applicationFormValues(app) : null, updateMissing: !app, updateToken: app ? token : null, signedIn, draftSavedAt: null as Date | null };
  }
  // A signed-in applicant continues where they stopped.
  const draft = viewer ? await findApplicationDraft(context.services.db, viewer.personId) : null;
  return {
    prefill: draft ? { email: viewer!.email, ...draft.values } : viewer ? { email: viewer.email } : null,
    updateMissing: false,
    updateToken: null,
    signedIn,
    draftSavedAt: draft?.updatedAt ?? null,
  };
}

/** Signed in (second factor done, if any), or null: the form is public, saving a draft is not. */
async function signedInViewer(args: { request: Request; context: Route.LoaderArgs["context"] }) {
  const viewer = await getViewer(args);
  return viewer && !viewer.secondFactorPending ? viewer : null;
}

/** isProven: the answers applied at once (signed in as the address, or its update link); otherwise the page says only what was e-mailed. */
type Done = { done: true; result: EligibilityResult; isProven: boolean; isMember: boolean; email: string };

export async function action(args: Route.ActionArgs) {
  const { request, context } = args;
  const formData = await request.formData();
  const form = parseForm(formData, applicationInputSchema(context.services.clock()));
  const { values } = form;
  if (isSpam(values)) return data<Done>({ done: true, result: { decision: "needs-review", reasons: [] }, isProven: false, isMember: false, email: values.email ?? "" });
  const viewer = await signedInViewer(args);
  if (values.intent === "save-draft") {
    // Saving is for signed-in applicants only, with the session's CSRF token; nothing is validated yet.
    if (!viewer) return formFailure(values, { status: 401, formError: messages.signInToSaveDraft });
    verifyCsrf(viewer, formData);
    await saveApplicationDraft(context.services.db, viewer.personId, values, context.services.clock());
    return data({ draftSaved: true as const, values });
  }
  if (!form.ok) return form.response;
  const { organisation } = await siteSettingsFor(context); // read once for this request (the layout needs it too)
  // Proof that this browser speaks for the address (docs/decisions/0012): signed in as it, or its update link.
  const isSignedInAsEmail = viewer !== null && viewer.email === form.value.email;
  const updateToken = values.update?.trim() ? values.update.trim() : null;
  const outcome = await submitApplication({ ...context.services, input: form.value, ip: context.clientIp, organisation, proof: { isSignedInAsEmail, updateToken } });
  if (!outcome.ok) return rateLimitedForm(messages.applicationsRateLimited, outcome.retryAfterSeconds, values);
  if (viewer) await deleteApplicationDraft(context.services.db, viewer.personId);
  return data<Done>({ done: true, result: outcome.result, isProven: outcome.isProven, isMember: outcome.isMember, email: form.value.email });
}

const exams = examKeys.map((k) => [k, examLabels[k]] as [string, string]);

export default function Apply({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData && "done" in actionData) {
    const { decision, reasons } = actionData.result;
    if (actionData.isMember) {
      return (
        <div className="page narrow">
          <h1>You are already a member</h1>
          <p className="lead">
            Nothing was changed. To update your answers, open <Link to="/account/profile">your profile</Link>.
          </p>
        </div>
      );
    }
    // Not signed in as the address: the same words whether or not it applied before (the page never tells).
    const emailed = actionData.isProven ? null : (
      <p>
        We have e-mailed {actionData.email}: a copy of your answers if this is the address's first application. If it applied before, that application has not changed: the e-mail has a link to apply
        these answers to it.
      </p>
    );
    return (
      <div className="page narrow">
        <h1>{decision === "ineligible" ? "We cannot accept this application" : actionData.isProven ? "Thank you: your application is with us" : "Thank you: we have your answers"}</h1>
        {decision === "ineligible" ? (
          <>
            <p className="lead">From your answers:</p>
            <ul>
              {reasons.map((r) => (
                <li key={r.code}>{r.message}</li>
              ))}
            </ul>
            {emailed}
            <p>
              If something was entered wrongly, <Link to="/join/apply">apply again</Link> with the same e-mail
              {actionData.isProven ? "; your application will be updated." : ": we will e-mail you a link to apply the corrected answers."}
            </p>
            <p>
              You can still help: <Link to="/newsletter">subscribe to our newsletter</Link> and <Link to="/act">contact your legislators</Link>.
            </p>
          </>
        ) : (
          <>
            <p className="lead">
              A volunteer doctor will review {actionData.isProven ? "your application" : "the application"} and write to you, usually within a week.
              {actionData.isProven ? " We have sent you a copy by e-mail." : ""}
            </p>
            {emailed}
            {reasons.length ? (
              <>
                <p>Before we can decide:</p>
                <ul>
                  {reasons.map((r) => (
                    <li key={r.code}>{r.message}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </div>
    );
  }
  const failure = formFailureOf(actionData);
  const errors: Record<string, string | undefined> = failure.fieldErrors;
  const v = failure.failed ? failure.values : ((actionData && "draftSaved" in actionData ? actionData.values : null) ?? loaderData.prefill ?? {});
  const errorCount = Object.keys(errors).length;
  return (
    <div className="page narrow">
      <h1>Apply for membership</h1>
      <p className="lead">About ten minutes. You will see at once whether you qualify, and why; a volunteer doctor then reviews every application.</p>
      {loaderData.updateMissing ? (
        <FormAlert message="This update link has expired or was replaced. Fill in the form again with the same e-mail: we will e-mail you a link to apply your answers to your application." />
      ) : null}
      <FormAlert message={failure.formError} />
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
        {loaderData.updateToken ? <input type="hidden" name="update" value={loaderData.updateToken} /> : null}
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
