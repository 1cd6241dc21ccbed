import { data, Form, Link } from "react-router";
import { organisationNamesOf, pageTitle } from "~/app/page-title";
import type { Route } from "./+types/apply";
import { FormAlert } from "~/app/components/form-alert";
import { ApplicationFields, DegreeChoice } from "~/app/components/application-fields";
import { CsrfField } from "~/app/components/csrf-field";
import { HoneypotField } from "~/app/components/form-field";
import { formatDateTime } from "~/app/format";
import { getViewer, verifyCsrf } from "~/app/session.server";
import { siteSettingsFor } from "~/app/site-settings.server";
import { applicationFormValues } from "~/domains/membership/profile";
import { deleteApplicationDraft, findApplicationDraft, saveApplicationDraft } from "~/domains/membership/application-drafts.server";
import { formFailure, formFailureOf, isSpam, parseForm, passActionHeaders, rateLimitedForm } from "~/app/form-data";
import { messages } from "~/domains/membership/messages";
import { messages as emailMessages } from "~/domains/email/messages";
import { applicationInputSchema } from "~/domains/membership/membership.schema";
import { applicationChoices, degreeChoices, degreeLabels, examFieldsOf, isDegree } from "~/domains/membership/labels";
import { findOwnApplication } from "~/domains/membership/queries.server";
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
  const params = new URL(request.url).searchParams;
  // The degree step: `?degree=` chooses it (a GET form, no JavaScript needed); `?step=degree` asks it again.
  const asked = params.get("degree");
  const chosen = { degree: isDegree(asked) ? asked : null, again: params.get("step") === "degree" };
  const token = params.get("update");
  if (token) {
    const app = await findApplicationByUpdateToken(context.services.db, token, context.services.clock());
    // The form sends the link's token back: it proves the address, so the answers apply at once.
    return {
      prefill: app ? applicationFormValues(app) : null,
      updateMissing: !app,
      updateToken: app ? token : null,
      signedIn,
      draftSavedAt: null as Date | null,
      own: null,
      isMember: false,
      chosen,
      updatesConsent: emailMessages.updatesConsent,
    };
  }
  // A signed-in applicant continues where they stopped, or corrects the application they sent.
  const draft = viewer ? await findApplicationDraft(context.services.db, viewer.personId) : null;
  const own = viewer && !draft ? await findOwnApplication(context.services.db, viewer.email) : null;
  return {
    prefill: draft ? { email: viewer!.email, ...draft.values } : own ? applicationFormValues(own) : viewer ? { email: viewer.email } : null,
    updateMissing: false,
    updateToken: null,
    signedIn,
    draftSavedAt: draft?.updatedAt ?? null,
    own: own ? { status: own.status } : null,
    isMember: viewer?.roles.includes("member") ?? false,
    chosen,
    updatesConsent: emailMessages.updatesConsent,
  };
}

/** Signed in (second factor done, if any), or null: the form is public, saving a draft is not. */
async function signedInViewer(args: { request: Request; context: Route.LoaderArgs["context"] }) {
  const viewer = await getViewer(args);
  return viewer && !viewer.secondFactorPending ? viewer : null;
}

/** isProven: the answers applied at once (signed in as the address, or its update link); otherwise the page says only what was e-mailed. */
type Done = { done: true; result: EligibilityResult; isProven: boolean; isMember: boolean; email: string; orgShortName: string };

export async function action(args: Route.ActionArgs) {
  const { request, context } = args;
  const formData = await request.formData();
  // The states where one would work are a group of checkboxes.
  const form = parseForm(formData, applicationInputSchema(context.services.clock()), { repeated: ["workStates"] });
  const { values } = form;
  if (isSpam(values)) return data<Done>({ done: true, result: { decision: "needs-review", reasons: [] }, isProven: false, isMember: false, email: values.email ?? "", orgShortName: "AMG" });
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
  return data<Done>({ done: true, result: outcome.result, isProven: outcome.isProven, isMember: outcome.isMember, email: form.value.email, orgShortName: organisation.shortName });
}

/** What the rules decided, said first, in a heading. */
function decisionHeading(decision: EligibilityResult["decision"], org: string): string {
  if (decision === "eligible") return `Your answers meet ${org}'s membership rules`;
  if (decision === "needs-review") return `Your answers meet ${org}'s membership rules, except what a volunteer must check`;
  return `Your answers do not meet ${org}'s membership rules`;
}

function Result({ done }: { done: Done }) {
  const { decision, reasons } = done.result;
  if (done.isMember) {
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
  const emailed = done.isProven ? (
    <p>
      We have sent you a copy by e-mail. You can follow your application and correct your answers while it is reviewed on <Link to="/account">your account page</Link>.
    </p>
  ) : (
    <p>
      We have e-mailed {done.email}. If this is the address's first application: a copy of your answers, and a link that signs you in to your new account, where you can follow your application and
      correct it while it is reviewed. If the address applied before, that application has not changed: the e-mail has a link to apply these answers to it.
    </p>
  );
  return (
    <div className="page narrow">
      <h1>{decisionHeading(decision, done.orgShortName)}</h1>
      {reasons.length ? (
        <>
          <p className="lead">{decision === "ineligible" ? "From your answers:" : "What a volunteer will check with you:"}</p>
          <ul>
            {reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>What happens next</h2>
      {decision === "ineligible" ? (
        <>
          {emailed}
          <p>
            If something was entered wrongly, <Link to="/join/apply">apply again</Link> with the same e-mail
            {done.isProven ? "; your application will be updated." : ": we will e-mail you a link to apply the corrected answers."}
          </p>
          <p>
            You can still help: <Link to="/newsletter">subscribe to our newsletter</Link> and <Link to="/act">contact your legislators</Link>.
          </p>
        </>
      ) : (
        <>
          <p className="lead">
            A volunteer doctor reviews every application and writes to you, usually within a week. Once approved, you are a member: you complete your profile, log your match cycles and write to your
            legislators with AMG.
          </p>
          {emailed}
        </>
      )}
    </div>
  );
}

export default function Apply({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData && "done" in actionData) return <Result done={actionData} />;
  const failure = formFailureOf(actionData);
  const errors: Record<string, string | undefined> = failure.fieldErrors;
  const v = failure.failed ? failure.values : ((actionData && "draftSaved" in actionData ? actionData.values : null) ?? loaderData.prefill ?? {});
  const errorCount = Object.keys(errors).length;
  // The degree first: from the degree step's answer, or from what the form (or the saved answers) carried.
  const { chosen } = loaderData;
  const degree = failure.failed ? (isDegree(v.degree) ? v.degree : null) : chosen.again ? null : (chosen.degree ?? (isDegree(v.degree) ? v.degree : null));
  const keep: Record<string, string> = loaderData.updateToken ? { update: loaderData.updateToken } : {};
  const changeDegreeHref = `/join/apply?${new URLSearchParams({ ...keep, step: "degree" })}`;
  const intro = (
    <>
      <h1>Apply for membership</h1>
      <p className="lead">About five minutes. You will see at once whether your answers meet AMG's membership rules, and why; a volunteer doctor then reviews every application.</p>
      {loaderData.isMember ? (
        <p className="notice" role="note">
          You are already a member: update your answers in <Link to="/account/profile">your profile</Link>.
        </p>
      ) : loaderData.own && !failure.failed ? (
        <p className="notice" role="note">
          This is the application you sent: change what you need and send it again. It goes back to a volunteer for review.
        </p>
      ) : null}
      {loaderData.updateMissing ? (
        <FormAlert message="This update link has expired or was replaced. Fill in the form again with the same e-mail: we will e-mail you a link to apply your answers to your application." />
      ) : null}
    </>
  );
  if (!degree) {
    return (
      <div className="page narrow">
        {intro}
        <DegreeChoice action="/join/apply" degrees={degreeChoices} value={chosen.degree ?? v.degree} error={errors.degree} hidden={keep} />
        {loaderData.signedIn ? null : (
          <p className="hint">
            Applied already? <Link to="/sign-in?next=%2Faccount">Sign in</Link> to follow or correct your application.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="page narrow">
      {intro}
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
      <Form method="post" action={`/join/apply?${new URLSearchParams({ ...keep, degree })}`} noValidate className="stack-form">
        {loaderData.signedIn ? <CsrfField token={loaderData.signedIn.csrf} /> : null}
        {loaderData.updateToken ? <input type="hidden" name="update" value={loaderData.updateToken} /> : null}
        <ApplicationFields
          values={v}
          errors={errors}
          degree={degree}
          degreeLabel={degreeLabels[degree]}
          changeDegreeHref={changeDegreeHref}
          exams={examFieldsOf(degree)}
          choices={applicationChoices}
        />
        <div className="field">
          <label>
            <input type="checkbox" name="keepUpdated" defaultChecked={v.keepUpdated === "on"} /> {loaderData.updatesConsent}
          </label>
          {loaderData.signedIn ? null : <p className="hint">The link in the e-mail about your application confirms this too: one link for both.</p>}
        </div>
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
            Applied already? <Link to="/sign-in?next=%2Faccount">Sign in</Link> to follow or correct your application.
          </p>
        )}
      </Form>
    </div>
  );
}
