// The state law tracker: a tile map (one square per state, coloured by status, each a link to its
// row) and the table that says the same in words, for screen readers and small screens.
import { TableScroll } from "./table-scroll";
type PathwayRow = { state: string; stateName: string; status: "law-in-force" | "bill-pending" | "none"; law: string; year: number | null; licenceTitle: string; sources: string; ask: string };

export const pathwayStatusLabel = { "law-in-force": "Law in force", "bill-pending": "Bill pending", none: "No law found" } as const;

/** [column, row] of each state on an 11 × 8 grid: a common tile-map layout. */
const tiles: Record<string, [number, number]> = {
  AK: [0, 0],
  ME: [10, 0],
  VT: [9, 1],
  NH: [10, 1],
  WA: [0, 2],
  ID: [1, 2],
  MT: [2, 2],
  ND: [3, 2],
  MN: [4, 2],
  IL: [5, 2],
  WI: [6, 2],
  MI: [7, 2],
  NY: [8, 2],
  RI: [9, 2],
  MA: [10, 2],
  OR: [0, 3],
  NV: [1, 3],
  WY: [2, 3],
  SD: [3, 3],
  IA: [4, 3],
  IN: [5, 3],
  OH: [6, 3],
  PA: [7, 3],
  NJ: [8, 3],
  CT: [9, 3],
  CA: [0, 4],
  UT: [1, 4],
  CO: [2, 4],
  NE: [3, 4],
  MO: [4, 4],
  KY: [5, 4],
  WV: [6, 4],
  VA: [7, 4],
  MD: [8, 4],
  DE: [9, 4],
  AZ: [1, 5],
  NM: [2, 5],
  KS: [3, 5],
  AR: [4, 5],
  TN: [5, 5],
  NC: [6, 5],
  SC: [7, 5],
  DC: [8, 5],
  OK: [3, 6],
  LA: [4, 6],
  MS: [5, 6],
  AL: [6, 6],
  GA: [7, 6],
  HI: [0, 7],
  TX: [3, 7],
  FL: [8, 7],
};
const size = 44;
const gap = 4;

export function StatePathwaysMap({ states }: { states: PathwayRow[] }) {
  return (
    <figure className="tile-map">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG's group of links has no HTML element to use instead */}
      <svg viewBox={`0 0 ${11 * (size + gap)} ${8 * (size + gap)}`} role="group" aria-labelledby="tile-map-caption">
        {states.map((s) => {
          const tile = tiles[s.state];
          if (!tile) return null;
          const [x, y] = [tile[0] * (size + gap), tile[1] * (size + gap)];
          return (
            <a key={s.state} href={`#state-${s.state}`} aria-label={`${s.state} (${s.stateName}): ${pathwayStatusLabel[s.status]}`}>
              <rect x={x} y={y} width={size} height={size} rx={4} className={`tile tile-${s.status}`} />
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the text is not focusable; the link around it carries the label */}
              <text x={x + size / 2} y={y + size / 2 + 5} textAnchor="middle" className={`tile-label tile-label-${s.status}`} aria-hidden="true">
                {s.state}
              </text>
            </a>
          );
        })}
      </svg>
      <figcaption id="tile-map-caption">
        <span className="legend">
          <span className="swatch tile-law-in-force" /> Law in force
        </span>
        <span className="legend">
          <span className="swatch tile-bill-pending" /> Bill pending
        </span>
        <span className="legend">
          <span className="swatch tile-none" /> No law found
        </span>
        <span className="hint"> Select a state to read its row in the table.</span>
      </figcaption>
    </figure>
  );
}

export function StatePathwaysTable({ states }: { states: PathwayRow[] }) {
  return (
    <TableScroll labelledBy="pathways-caption">
      <table className="data-table">
        <caption id="pathways-caption">Licences for medical graduates without residency, by state</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Status</th>
            <th scope="col">Law and licence</th>
            <th scope="col">What to ask for</th>
          </tr>
        </thead>
        <tbody>
          {states.map((s) => (
            <tr key={s.state} id={`state-${s.state}`}>
              <th scope="row">{s.stateName}</th>
              <td>{pathwayStatusLabel[s.status]}</td>
              <td>
                {s.law ? (
                  <>
                    {s.licenceTitle ? <strong>{s.licenceTitle}</strong> : null}
                    {s.licenceTitle ? <br /> : null}
                    {s.law}
                    {s.year ? ` (${s.year})` : ""}
                    {s.sources ? (
                      <>
                        <br />
                        <span className="figure-source">Source: {s.sources}</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td>{s.ask}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
