// The staff form for a campaign of either kind (used to create and to edit).
import { Form } from "react-router";
import { CsrfField } from "./csrf-field";
import { FormAlert } from "./form-alert";
import { FormField, SelectField } from "./form-field";

type Values = Record<string, string | undefined>;
const targetOptions: [string, string][] = [
  ["us-senate", "US Senate"],
  ["us-house", "US House"],
  ["state-upper", "State senate (upper chamber)"],
  ["state-lower", "State house or assembly (lower chamber)"],
];

export function CampaignForm({
  csrf,
  values,
  errors,
  formError,
  placeholders,
  submitLabel,
}: {
  csrf: string;
  values: Values;
  errors: Record<string, string>;
  formError?: string | null;
  placeholders: Record<string, string>;
  submitLabel: string;
}) {
  const field = (name: string, label: string, options: { required?: boolean; multiline?: boolean; rows?: number; hint?: string } = {}) => (
    <FormField
      name={name}
      label={label}
      defaultValue={values[name] ?? ""}
      error={errors[name]}
      required={options.required ?? true}
      multiline={options.multiline}
      rows={options.rows}
      hint={options.hint}
    />
  );
  const targets = (values.targets ?? "").split(",");
  const targetError = errors.targets ?? Object.entries(errors).find(([k]) => k.startsWith("targets."))?.[1];
  return (
    <Form method="post" noValidate className="stack-form">
      <FormAlert message={formError ?? (Object.keys(errors).length ? "Please correct the fields marked below." : null)} />
      <CsrfField token={csrf} />
      <SelectField
        name="kind"
        label="Kind"
        options={[
          ["legislator-letter", "Letter to legislators (people write to their own)"],
          ["open-letter", "Open letter to an institution (people sign)"],
        ]}
        value={values.kind}
        error={errors.kind}
        placeholder={null}
      />
      {field("title", "Title")}
      {field("slug", "Address", { hint: "Part of the page's address: /act/<address> or /letters/<address>. Lower-case letters, digits and hyphens." })}
      {field("summary", "Summary", { hint: "One sentence, shown in lists and when the page is shared." })}
      {field("addressee", "Addressed to", { hint: "E.g. “your US senators and representative” or “the AAMC”." })}
      {field("backgroundMarkdown", "Background (Markdown)", { required: false, multiline: true, rows: 8 })}
      <fieldset aria-describedby={targetError ? "field-targets-error" : undefined}>
        <legend>People write to (letters to legislators)</legend>
        {targetOptions.map(([value, label]) => (
          <label key={value} className="choice">
            <input type="checkbox" name="targets" value={value} defaultChecked={targets.includes(value)} /> {label}
          </label>
        ))}
        {targetError ? (
          <p className="error-message" id="field-targets-error">
            {targetError}
          </p>
        ) : null}
      </fieldset>
      {field("targetStates", "Only people in these states", { required: false, hint: "Two-letter codes separated by commas (NY, TX). Empty: every state." })}
      {field("bill", "Bill", { required: false, hint: "E.g. H.R. 4731 / S. 2439." })}
      <div className="field">
        <label>
          <input type="checkbox" name="usesStatePathways" defaultChecked={values.usesStatePathways === "on"} /> Show the state law tracker and ask each person what their state needs
        </label>
      </div>
      <details className="placeholder-help">
        <summary>Placeholders you can use in the subject, letters and phone script</summary>
        <ul>
          {Object.entries(placeholders).map(([name, meaning]) => (
            <li key={name}>
              <code>{`{{${name}}}`}</code>: {meaning}
            </li>
          ))}
        </ul>
      </details>
      {field("letterSubject", "Subject of the letters", { required: false })}
      {field("letterMarkdown", "The letter (to legislators who do not support the bill yet; for an open letter, its text)", { multiline: true, rows: 12 })}
      {field("supporterLetterMarkdown", "The letter to supporters (cosponsors): thank them, ask them to push", {
        required: false,
        multiline: true,
        rows: 8,
        hint: "Empty: everyone gets the letter above.",
      })}
      {field("supporterLetterSubject", "Subject of the letter to supporters", {
        required: false,
        hint: "A thank-you, matching the letter above. Empty: “Thank you for supporting” and the bill.",
      })}
      {field("organisationStatement", "The organisation's statement", {
        required: false,
        multiline: true,
        rows: 4,
        hint: "Delivered apart from the constituent's words, and marked as the organisation's.",
      })}
      {field("talkingPoints", "Talking points (Markdown)", { required: false, multiline: true, rows: 5 })}
      {field("phoneScript", "Phone script", { required: false, multiline: true, rows: 5 })}
      {field("thankYouMarkdown", "Thank-you page (Markdown)", { required: false, multiline: true, rows: 4 })}
      {field("goal", "Goal (people)")}
      {field("startsOn", "Starts on", { required: false, hint: "YYYY-MM-DD; empty: open now." })}
      {field("endsOn", "Ends on", { required: false, hint: "YYYY-MM-DD; empty: no end." })}
      {field("sortOrder", "Order in lists", { required: false, hint: "Smaller first." })}
      <div className="field">
        <label>
          <input type="checkbox" name="isPublished" defaultChecked={values.isPublished === "on"} /> Published (shown to the public)
        </label>
      </div>
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
