import { data, Form, Link } from "react-router";
import type { Route } from "./+types/apply";
import { FormAlert } from "../../components/form-alert";
import { FormField, HoneypotField, SelectField } from "../../components/form-field";
import { formValues, invalidForm, isSpam, passActionHeaders, rateLimitedForm } from "../../form-data";
import { applicationInputSchema, examKeys, examLabels } from "../../../domains/membership/membership.schema";
import { findApplicationByUpdateToken, submitApplication } from "../../../domains/membership/submit-application.server";
import type { EligibilityResult } from "../../../domains/membership/eligibility";

export const meta: Route.MetaFunction = () => [{ title: "Apply for membership — AMG" }, { name: "description", content: "Apply to become a member of the Alliance of Medical Graduates." }];

export const headers = passActionHeaders;

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("update");
  if (!token) return { prefill: null as Record<string, string> | null, updateMissing: false };
  const app = await findApplicationByUpdateToken(context.services.db, token, context.services.clock());
  if (!app) return { prefill: null, updateMissing: true };
  const prefill: Record<string, string> = {
    name: app.name, email: app.email, zip: app.zip, citizenship: app.citizenship, degree: app.degree, schoolName: app.schoolName, schoolCountry: app.schoolCountry,
    graduationYear: String(app.graduationYear), ecfmgCertified: app.ecfmgCertified, trainingStatus: app.trainingStatus, specialties: app.specialties.join(", "),
    workStates: app.workStates.join(", "), primaryCareUnderserved: app.primaryCareUnderserved ? "yes" : "no", consentStatistics: app.consentStatistics ? "on" : "",
  };
  for (const k of examKeys) {
    prefill[k] = app.exams[k]?.result ?? "not-taken";
    prefill[`${k}Date`] = app.exams[k]?.date ?? "";
  }
  return { prefill, updateMissing: false };
}

type Done = { done: true; result: EligibilityResult };

export async function action({ request, context }: Route.ActionArgs) {
  const values = formValues(await request.formData());
  if (isSpam(values)) return data<Done>({ done: true, result: { decision: "needs-review", reasons: [] } });
  const parsed = applicationInputSchema(context.services.clock()).safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error.issues, values);
  const outcome = await submitApplication({ ...context.services, input: parsed.data, ip: context.clientIp });
  if (!outcome.ok) return rateLimitedForm("Too many applications from your connection in a short time.", outcome.retryAfterSeconds, values);
  return data<Done>({ done: true, result: outcome.result });
}

const select = (name: string, label: string, options: [string, string][], value: string | undefined, error?: string) => (
  <SelectField name={name} label={label} options={options} value={value} error={error} />
);

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
  const errors = actionData && "fieldErrors" in actionData ? actionData.fieldErrors : {};
  const v = (actionData && "values" in actionData ? actionData.values : null) ?? loaderData.prefill ?? {};
  const errorCount = Object.keys(errors).length;
  return (
    <div className="page narrow">
      <h1>Apply for membership</h1>
      <p className="lead">About ten minutes. You will see at once whether you qualify, and why; a volunteer doctor then reviews every application.</p>
      {loaderData.updateMissing ? <FormAlert message="This update link has expired or was replaced. Fill in the form again with the same e-mail and your application will be updated." /> : null}
      <FormAlert message={actionData && "formError" in actionData ? actionData.formError : null} />
      {errorCount ? <FormAlert message={`Please correct ${errorCount === 1 ? "the field" : `the ${errorCount} fields`} marked below.`} /> : null}
      <Form method="post" noValidate className="stack-form">
        <fieldset>
          <legend>About you</legend>
          <FormField name="name" label="Full name" autoComplete="name" defaultValue={v.name} error={errors.name} />
          <FormField name="email" label="E-mail" type="email" autoComplete="email" defaultValue={v.email} error={errors.email} />
          <FormField name="zip" label="Home ZIP code" autoComplete="postal-code" defaultValue={v.zip} error={errors.zip} hint="Gives your state and congressional district for AMG's anonymous statistics." />
          {select("citizenship", "Citizenship", [["us-citizen", "US citizen"], ["permanent-resident", "Lawful permanent resident"], ["other", "Other"]], v.citizenship, errors.citizenship)}
        </fieldset>
        <fieldset>
          <legend>Medical school</legend>
          {select("degree", "Degree", [["MD", "MD (US)"], ["DO", "DO (US)"], ["IMG", "International medical degree"]], v.degree, errors.degree)}
          <FormField name="schoolName" label="School" defaultValue={v.schoolName} error={errors.schoolName} />
          <FormField name="schoolCountry" label="Country of the school" defaultValue={v.schoolCountry ?? "United States"} error={errors.schoolCountry} />
          <FormField name="graduationYear" label="Year of graduation" defaultValue={v.graduationYear} error={errors.graduationYear} />
        </fieldset>
        <fieldset>
          <legend>Licensing exams</legend>
          <p className="hint">MD and international graduates: USMLE. DO graduates: COMLEX or USMLE.</p>
          {examKeys.map((k) => (
            <div key={k} className="exam-row">
              {select(k, examLabels[k], [["passed", "Passed"], ["failed", "Failed"], ["not-taken", "Not taken"], ["pending", "Waiting for the result"]], v[k] ?? "not-taken", errors[k])}
              <FormField name={`${k}Date`} label={`${examLabels[k]} date`} required={false} defaultValue={v[`${k}Date`]} error={errors[`${k}Date`]} hint="YYYY-MM-DD" />
            </div>
          ))}
          {select("ecfmgCertified", "ECFMG certification (international graduates)", [["yes", "Certified"], ["pending", "Pending"], ["no", "Not certified / not applicable"]], v.ecfmgCertified ?? "no", errors.ecfmgCertified)}
        </fieldset>
        <fieldset>
          <legend>Training and plans</legend>
          {select("trainingStatus", "Residency", [["never-started", "Never started residency"], ["left-residency", "Left or did not complete residency"], ["in-residency", "In residency now"], ["completed-residency", "Completed residency"]], v.trainingStatus, errors.trainingStatus)}
          <FormField name="specialties" label="Specialties of interest" required={false} defaultValue={v.specialties} error={errors.specialties} hint="Separated by commas, e.g. Family medicine, Pediatrics." />
          <FormField name="workStates" label="States where you would work" required={false} defaultValue={v.workStates} error={errors.workStates} hint="Two-letter codes separated by commas, e.g. NY, NJ." />
          {select("primaryCareUnderserved", "Would you work in primary care in an underserved area?", [["yes", "Yes"], ["no", "No"]], v.primaryCareUnderserved, errors.primaryCareUnderserved)}
          <div className="field">
            <label>
              <input type="checkbox" name="consentStatistics" defaultChecked={v.consentStatistics === "on"} /> AMG may use my answers in anonymous statistics (never showing me)
            </label>
          </div>
        </fieldset>
        <HoneypotField />
        <button type="submit">Send my application</button>
      </Form>
    </div>
  );
}
