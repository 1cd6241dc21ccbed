// The ZIP code form that starts every way to reach one's legislators (a GET, so it works without JavaScript).
import { Form } from "react-router";

/** `action` may end in a fragment (#results): the answer then opens where the results are, not at the top. */
export function ZipLookupForm({ zip, error, label, action }: { zip: string; error?: string; label: string; action?: string }) {
  return (
    <Form method="get" className="zip-form" noValidate action={action}>
      <div className={`field${error ? " field-error" : ""}`}>
        <label htmlFor="field-zip">{label}</label>
        <input
          id="field-zip"
          type="text"
          name="zip"
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={10}
          defaultValue={zip}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "field-zip-error" : undefined}
        />
        {error ? (
          <p className="error-message" id="field-zip-error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit">Find my legislators</button>
    </Form>
  );
}
