// A group of checkboxes with one legend and one message (a form's repeated field, joined by commas
// by parseForm's `repeated`). Presentational: options come from the route.
export function CheckGroup({ name, legend, options, checked, error, hint }: { name: string; legend: string; options: [string, string][]; checked?: string; error?: string; hint?: string }) {
  const chosen = new Set((checked ?? "").split(",").filter(Boolean));
  const id = `field-${name}`;
  return (
    <fieldset className={`field check-group${error ? " field-error" : ""}`} aria-describedby={error ? `${id}-error` : undefined} id={id}>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {options.map(([value, label]) => (
        <label key={value} className="check">
          <input type="checkbox" name={name} value={value} defaultChecked={chosen.has(value)} /> {label}
        </label>
      ))}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
