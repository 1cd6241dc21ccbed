// The application form's fields (apply, and a member's own profile): labelled, each error beside
// its field, keeping what was typed.
import { FormField, SelectField } from "./form-field";

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  /** The exams asked about: [field name, label], e.g. ["step1", "USMLE Step 1"]. */
  exams: [string, string][];
  withEmail?: boolean;
};

export function ApplicationFields({ values: v, errors, exams, withEmail = true }: Props) {
  const select = (name: string, label: string, options: [string, string][], value: string | undefined) => (
    <SelectField name={name} label={label} options={options} value={value} error={errors[name]} />
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
        {select(
          "citizenship",
          "Citizenship",
          [
            ["us-citizen", "US citizen"],
            ["permanent-resident", "Lawful permanent resident"],
            ["other", "Other"],
          ],
          v.citizenship,
        )}
      </fieldset>
      <fieldset>
        <legend>Medical school</legend>
        {select(
          "degree",
          "Degree",
          [
            ["MD", "MD (US)"],
            ["DO", "DO (US)"],
            ["IMG", "International medical degree"],
          ],
          v.degree,
        )}
        <FormField name="schoolName" label="School" defaultValue={v.schoolName} error={errors.schoolName} />
        <FormField name="schoolCountry" label="Country of the school" defaultValue={v.schoolCountry ?? "United States"} error={errors.schoolCountry} />
        <FormField name="graduationYear" label="Year of graduation" defaultValue={v.graduationYear} error={errors.graduationYear} />
      </fieldset>
      <fieldset id="exams">
        <legend>Licensing exams</legend>
        <p className="hint">MD and international graduates: USMLE. DO graduates: COMLEX or USMLE.</p>
        {exams.map(([k, label]) => (
          <div key={k} className="exam-row">
            {select(
              k,
              label,
              [
                ["passed", "Passed"],
                ["failed", "Failed"],
                ["not-taken", "Not taken"],
                ["pending", "Waiting for the result"],
              ],
              v[k] ?? "not-taken",
            )}
            <FormField name={`${k}Date`} label={`${label} date`} required={false} defaultValue={v[`${k}Date`]} error={errors[`${k}Date`]} hint="YYYY-MM-DD" />
          </div>
        ))}
        {select(
          "ecfmgCertified",
          "ECFMG certification (international graduates)",
          [
            ["yes", "Certified"],
            ["pending", "Pending"],
            ["no", "Not certified / not applicable"],
          ],
          v.ecfmgCertified ?? "no",
        )}
      </fieldset>
      <fieldset>
        <legend>Training and plans</legend>
        {select(
          "trainingStatus",
          "Residency",
          [
            ["never-started", "Never started residency"],
            ["left-residency", "Left or did not complete residency"],
            ["in-residency", "In residency now"],
            ["completed-residency", "Completed residency"],
          ],
          v.trainingStatus,
        )}
        <FormField
          name="specialties"
          label="Specialties of interest"
          required={false}
          defaultValue={v.specialties}
          error={errors.specialties}
          hint="Separated by commas, e.g. Family medicine, Pediatrics."
        />
        <FormField
          name="workStates"
          label="States where you would work"
          required={false}
          defaultValue={v.workStates}
          error={errors.workStates}
          hint="Two-letter codes separated by commas, e.g. NY, NJ."
        />
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
