// The state legislators part of a letter form, chamber by chamber: given outright when the ZIP lies in
// one district (or says the seat is vacant), a choice among a split ZIP's few districts with the
// legislature's own lookup to tell them apart, or the whole chamber as a list that a filter box
// narrows when JavaScript runs (without it, the plain list still works).
import filterListScript from "./filter-list.js?url&no-inline";

export type StateChamberView = {
  field: string;
  label: string;
  chamberName: string;
  mode: "given" | "choose" | "state";
  options: { id: string; label: string; district: string; byEmail: boolean }[];
  district: string | null;
  chosen: string | null;
  finder: { url: string; words: string } | null;
};

const openStates = "https://openstates.org/find_your_legislator/";

function orList(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="error-message" id={id}>
      {error}
    </p>
  ) : null;
}

/**
 * A select of a whole chamber; the small script `filter-list.js` (public pages ship no framework
 * JavaScript) adds a box above it that narrows it by name or district. Without JavaScript the select works alone.
 */
export function FilterableSelect({ name, label, options, value, error }: { name: string; label: string; options: [string, string][]; value: string; error?: string }) {
  const id = `field-${name}`;
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} data-filter-list={label.replace(/^Your /, "")} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">Choose…</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/** "on the Senate's “find my legislator” page, the Assembly's … or on Open States". */
function Finder({ finders }: { finders: NonNullable<StateChamberView["finder"]>[] }) {
  const unique = finders.filter((f, i) => finders.findIndex((g) => g.url === f.url) === i);
  return (
    <>
      on{" "}
      {unique.map((f) => (
        <span key={f.url}>
          <a href={f.url} rel="noopener">
            {f.words}
          </a>
          {", "}
        </span>
      ))}
      {unique.length ? "or on " : null}
      <a href={openStates} rel="noopener">
        Open States
      </a>
    </>
  );
}

const findersOf = (chambers: StateChamberView[]) => chambers.flatMap((c) => (c.finder ? [c.finder] : []));

export function StateLegislatorChoice({
  zip,
  stateName,
  chambers,
  listPath,
  values,
  errors,
}: {
  zip: string;
  stateName: string;
  chambers: StateChamberView[];
  /** The public list of the state's legislators. */
  listPath: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const given = chambers.filter((c) => c.mode === "given");
  return (
    <div className="state-legislators">
      <h3>Your state legislators</h3>
      {given.length ? (
        <ul className="target-list">
          {given.map((c) => (
            <li key={c.field}>
              {c.options.length ? (
                c.options.map((o, i) => (
                  <span key={o.id}>
                    {i > 0 ? " · " : null}
                    <strong>{o.label}</strong> ({stateName} {c.chamberName}, district {c.district}) ·{" "}
                    <span className="delivery-badge">{o.byEmail ? "sent by e-mail" : "through the office's contact form or phone"}</span>
                  </span>
                ))
              ) : (
                <>
                  {stateName} {c.chamberName}, district {c.district}: <strong>This seat is vacant</strong>, so no letter goes to the {c.chamberName} for now.
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {chambers
        .filter((c) => c.mode === "choose")
        .map((c) => {
          const errorId = `field-${c.field}-error`;
          const chosen = values[c.field] ?? c.chosen ?? "";
          return (
            <fieldset key={c.field} aria-describedby={errors[c.field] ? errorId : undefined}>
              <legend>
                {c.label}: {c.chamberName} district {orList(c.options.map((o) => o.district))}?
              </legend>
              <p className="hint">
                ZIP {zip} is split between {c.options.length} {c.chamberName} districts. Not sure which is yours? Find it by street address <Finder finders={findersOf([c])} />.
              </p>
              {c.options.map((o) => (
                <label key={o.id} className="choice">
                  <input type="radio" name={c.field} value={o.id} defaultChecked={chosen === o.id} />
                  <span>{o.label}</span>
                </label>
              ))}
              <ErrorText id={errorId} error={errors[c.field]} />
            </fieldset>
          );
        })}
      {chambers.some((c) => c.mode === "state") ? (
        <fieldset>
          <legend>Choose them from the list</legend>
          <p className="hint">
            We cannot tell your state districts from ZIP {zip}. Find them by street address <Finder finders={findersOf(chambers.filter((c) => c.mode === "state"))} />, or{" "}
            <a href={listPath}>search the list of {stateName} legislators by name</a>.
          </p>
          {chambers
            .filter((c) => c.mode === "state")
            .map((c) => (
              <FilterableSelect key={c.field} name={c.field} label={c.label} options={c.options.map((o) => [o.id, o.label])} value={values[c.field] ?? c.chosen ?? ""} error={errors[c.field]} />
            ))}
          <script src={filterListScript} defer />
        </fieldset>
      ) : null}
    </div>
  );
}
