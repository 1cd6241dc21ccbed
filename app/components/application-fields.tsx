// The application form's fields (apply, and a member's own profile): labelled, each error beside
// its field, keeping what was typed. The degree comes first, on its own step (`DegreeChoice`): the
// fields then ask only what that degree needs (its exams; the school's country and ECFMG only for
// international graduates), with no JavaScript.
import { Form } from "react-router";
import { FormField, SelectField } from "./form-field";

type Options = [string, string][];

/** The words of every choice, from the membership context's labels (this component imports no domain). */
export type ApplicationChoices = {
  citizenship: Options;
  training: Options;
  examResults: Options;
  ecfmg: Options;
  /** [code, name] of every state, for the "where you would work" checkboxes. */
  states: Options;
};

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  degree: "MD" | "DO" | "IMG";
  /** The degree in words, e.g. "MD (a US medical school)". */
  degreeLabel: string;
  /** Where "Change" goes: the degree step again. */
  changeDegreeHref: string;
  /** The exams this degree asks about: [field name, label], e.g. ["step1", "USMLE Step 1"]. */
  exams: Options;
  choices: ApplicationChoices;
  withEmail?: boolean;
};

/** The first step: which degree (a GET form: the next page shows that degree's questions). */
export function DegreeChoice({ action, degrees, value, error, hidden = {} }: { action: string; degrees: Options; value?: string; error?: string; hidden?: Record<string, string> }) {
  return (
    <Form method="get" action={action} className="stack-form">
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <fieldset className={error ? "field-error" : undefined} aria-describedby={error ? "field-degree-error" : undefined}>
        <legend>What is your medical degree?</legend>
        {degrees.map(([code, label]) => (
          <div key={code} className="choice">
            <label>
              <input type="radio" name="degree" value={code} defaultChecked={value === code} required /> {label}
            </label>
          </div>
        ))}
        {error ? (
          <p className="error-message" id="field-degree-error">
            {error}
          </p>
        ) : null}
      </fieldset>
      <button type="submit">Continue</button>
    </Form>
  );
}

export function ApplicationFields({ values: v, errors, degree, degreeLabel, changeDegreeHref, exams, choices, withEmail = true }: Props) {
  const select = (name: string, label: string, options: Options, value: string | undefined) => <SelectField name={name} label={label} options={options} value={value} error={errors[name]} />;
  const chosenStates = new Set(
    (v.workStates ?? "")
      .split(/[,;\s]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  );
  return (
    <>
      <fieldset>
        <legend>About you</legend>
        <FormField name="name" label="Full name" autoComplete="name" defaultValue={v.name} error={errors.name} />
        {withEmail ? <FormField name="email" label="E-mail" type="email" autoComplete="email" defaultValue={v.email} error={errors.email} /> : null}
        <FormField
          name="zip"
          label="Home ZIP code"
          autoComplete="postal-code"
          defaultValue={v.zip}
          error={errors.zip}
          hint="Gives your state and congressional district for AMG's anonymous statistics."
        />
        {select("citizenship", "Citizenship", choices.citizenship, v.citizenship)}
      </fieldset>
      <fieldset>
        <legend>Medical school</legend>
        <input type="hidden" name="degree" value={degree} />
        <p id="field-degree">
          Degree: <strong>{degreeLabel}</strong> <a href={changeDegreeHref}>Change the degree</a>
        </p>
        <FormField name="schoolName" label="School" defaultValue={v.schoolName} error={errors.schoolName} />
        {degree === "IMG" ? (
          <FormField name="schoolCountry" label="Country of the school" autoComplete="off" defaultValue={v.schoolCountry} error={errors.schoolCountry} />
        ) : (
          <input type="hidden" name="schoolCountry" value="United States" />
        )}
        <FormField name="graduationYear" label="Year of graduation" defaultValue={v.graduationYear} error={errors.graduationYear} hint="Like 2019." />
      </fieldset>
      <fieldset id="exams">
        <legend>Licensing exams</legend>
        <p className="hint">{degree === "DO" ? "COMLEX or USMLE: answer for the ones you took." : "USMLE: Step 3 only if you took it."}</p>
        {exams.map(([k, label]) => (
          <div key={k} className="exam-row">
            {select(k, label, choices.examResults, v[k] ?? "not-taken")}
            <FormField name={`${k}Date`} label={`${label} date`} type="date" required={false} defaultValue={v[`${k}Date`]} error={errors[`${k}Date`]} />
          </div>
        ))}
        {degree === "IMG" ? select("ecfmgCertified", "ECFMG certification", choices.ecfmg, v.ecfmgCertified) : null}
      </fieldset>
      <fieldset>
        <legend>Training and plans</legend>
        {select("trainingStatus", "Residency", choices.training, v.trainingStatus)}
        <FormField
          name="specialties"
          label="Specialties of interest"
          required={false}
          defaultValue={v.specialties}
          error={errors.specialties}
          hint="Separated by commas, e.g. Family medicine, Pediatrics."
        />
        <fieldset id="field-workStates" className={`checkbox-group${errors.workStates ? " field-error" : ""}`} aria-describedby={errors.workStates ? "field-workStates-error" : undefined}>
          <legend>
            States where you would work <span className="optional">(optional)</span>
          </legend>
          <details open={chosenStates.size > 0 || Boolean(errors.workStates)}>
            <summary>Choose the states</summary>
            <div className="checkbox-columns">
              {choices.states.map(([code, name]) => (
                <label key={code}>
                  <input type="checkbox" name="workStates" value={code} defaultChecked={chosenStates.has(code)} /> {name}
                </label>
              ))}
            </div>
          </details>
          {errors.workStates ? (
            <p className="error-message" id="field-workStates-error">
              {errors.workStates}
            </p>
          ) : null}
        </fieldset>
        {select(
          "primaryCareUnderserved",
          "Would you work in primary care in an underserved area?",
          [
            ["yes", "Yes"],
            ["no", "No"],
          ],
          v.primaryCareUnderserved,
        )}
        <div className="field">
          <label>
            <input type="checkbox" id="field-consentStatistics" name="consentStatistics" defaultChecked={v.consentStatistics === "on"} /> AMG may use my answers in anonymous statistics (never showing
            me)
          </label>
        </div>
      </fieldset>
    </>
  );
}
