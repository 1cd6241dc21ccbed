// A labelled form control with its error message beside it (linked by aria-describedby),
// keeping what the person typed.
import type { ReactNode } from "react";

type Props = {
  name: string;
  label: string;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "date";
  autoComplete?: string;
  multiline?: boolean;
  required?: boolean;
  hint?: ReactNode;
  maxLength?: number;
  rows?: number;
};

export function FormField({ name, label, error, defaultValue, type = "text", autoComplete, multiline, required = true, hint, maxLength, rows = 7 }: Props) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
    required,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
  };
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> (optional)</span>}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea rows={rows} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A field bots fill and people never see: a filled one marks the submission as spam. */
export function HoneypotField() {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="field-website">Leave this field empty</label>
      <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

/** A labelled <select> with its error beside it, keeping the chosen value. */
export function SelectField({
  name,
  label,
  options,
  value,
  error,
  placeholder = "Choose…",
  hint,
}: {
  name: string;
  label: ReactNode;
  options: [string, string][];
  value?: string;
  error?: string;
  placeholder?: string | null;
  hint?: string;
}) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select id={id} name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={described}>
        {placeholder !== null ? <option value="">{placeholder}</option> : null}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
