// Charts of the numbers pages, drawn as SVG on the server (readable without JavaScript): a title
// that states the finding, axis labels, the source, a CSV link and the same figures as a table.
// Each drawn value carries data-label/data-value, so tests check the table against the drawing.
import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll";

/** A value as the chart draws it: a number, or withheld/missing with the words shown instead. */
export type ChartValue = { label: string; value: number | null; display: string };

function ChartFrame({
  id,
  title,
  source,
  csvHref,
  covers,
  children,
  table,
}: {
  id: string;
  title: string;
  source: ReactNode;
  csvHref: string;
  covers?: string;
  children: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="chart-title">
        {title}
      </h3>
      {covers ? <p className="chart-covers">{covers}</p> : null}
      {children}
      <figcaption className="chart-source">
        Source: {source}.{" "}
        <a href={csvHref} download>
          Download CSV
        </a>
      </figcaption>
      <details className="chart-table">
        <summary>The figures as a table</summary>
        {table}
      </details>
    </figure>
  );
}

/** Horizontal bars, one per row; a withheld or missing value draws no bar and says so. */
export function BarChart({
  id,
  title,
  xLabel,
  yLabel,
  source,
  csvHref,
  covers,
  rows,
  format = (n) => n.toLocaleString("en-US"),
}: {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  source: ReactNode;
  csvHref: string;
  covers?: string;
  rows: ChartValue[];
  format?: (n: number) => string;
}) {
  const width = 640;
  const labelWidth = 190;
  const barHeight = 26;
  const top = 10;
  const height = top + rows.length * barHeight + 44;
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const plot = width - labelWidth - 90;
  return (
    <ChartFrame
      id={id}
      title={title}
      source={source}
      csvHref={csvHref}
      covers={covers}
      table={
        <TableScroll label={`${title}: table`}>
          <table className="chart-data" data-chart={id}>
            <thead>
              <tr>
                <th scope="col">{yLabel}</th>
                <th scope="col">{xLabel}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td data-label={r.label} data-value={r.value ?? ""}>
                    {r.display}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      }
    >
      <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} data-chart={id}>
        <title>{title}</title>
        {rows.map((r, i) => {
          const y = top + i * barHeight;
          const w = r.value === null ? 0 : Math.max(r.value > 0 ? 1 : 0, (r.value / max) * plot);
          return (
            <g key={r.label} data-label={r.label} data-value={r.value ?? ""}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="chart-label">
                {r.label}
              </text>
              {r.value === null ? null : <rect x={labelWidth} y={y + 4} width={w} height={barHeight - 8} className="chart-bar" />}
              <text x={labelWidth + w + 6} y={y + 17} className={r.value === null ? "chart-value chart-withheld" : "chart-value"}>
                {r.display}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={top} y2={top + rows.length * barHeight} className="chart-axis" />
        <text x={labelWidth + plot / 2} y={height - 12} textAnchor="middle" className="chart-axis-label">
          {xLabel} (0 to {format(max)})
        </text>
      </svg>
    </ChartFrame>
  );
}

export type LineSeries = { key: string; label: string; points: { x: number; y: number | null }[] };

const seriesColours = ["#0b4f6c", "#c2410c", "#6b21a8", "#15803d"];
const seriesDashes = ["", "6 4", "2 3", "10 3 2 3"];

/** Lines over years (match rates); a missing figure breaks the line, never interpolated. */
export function LineChart({
  id,
  title,
  source,
  csvHref,
  series,
  yLabel,
  xLabel,
  table,
}: {
  id: string;
  title: string;
  source: ReactNode;
  csvHref: string;
  series: LineSeries[];
  yLabel: string;
  xLabel: string;
  table: ReactNode;
}) {
  const width = 640;
  const height = 340;
  const left = 56;
  const right = 16;
  const top = 16;
  const bottom = 56;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const x = (v: number) => left + ((v - minX) / Math.max(1, maxX - minX)) * (width - left - right);
  const y = (v: number) => top + (1 - v / 100) * (height - top - bottom);
  const segments = (s: LineSeries) => {
    const out: string[] = [];
    let current: string[] = [];
    for (const p of s.points) {
      if (p.y === null) {
        if (current.length) out.push(current.join(" "));
        current = [];
      } else current.push(`${current.length ? "L" : "M"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`);
    }
    if (current.length) out.push(current.join(" "));
    return out;
  };
  return (
    <ChartFrame id={id} title={title} source={source} csvHref={csvHref} table={table}>
      <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} data-chart={id}>
        <title>{title}</title>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} className="chart-grid" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" className="chart-tick">
              {v}%
            </text>
          </g>
        ))}
        {[...new Set(xs)].map((v) => (
          <text key={v} x={x(v)} y={height - bottom + 18} textAnchor="middle" className="chart-tick">
            {`'${String(v).slice(2)}`}
          </text>
        ))}
        {series.map((s, i) => (
          <g key={s.key} data-series={s.key}>
            {segments(s).map((d) => (
              <path key={d} d={d} fill="none" stroke={seriesColours[i % 4]} strokeWidth={2.5} strokeDasharray={seriesDashes[i % 4] || undefined} />
            ))}
            {s.points
              .filter((p) => p.y !== null)
              .map((p) => (
                <circle key={p.x} cx={x(p.x)} cy={y(p.y ?? 0)} r={3} fill={seriesColours[i % 4]} data-label={`${s.key}/${p.x}`} data-value={p.y ?? ""} />
              ))}
          </g>
        ))}
        <text x={14} y={(height - bottom) / 2} transform={`rotate(-90 14 ${(height - bottom) / 2})`} textAnchor="middle" className="chart-axis-label">
          {yLabel}
        </text>
        <text x={(left + width) / 2} y={height - 14} textAnchor="middle" className="chart-axis-label">
          {xLabel}
        </text>
      </svg>
      <ul className="chart-legend">
        {series.map((s, i) => (
          <li key={s.key}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" stroke={seriesColours[i % 4]} strokeWidth={3} strokeDasharray={seriesDashes[i % 4] || undefined} />
            </svg>{" "}
            {s.label}
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}

export type MapShape = { state: string; d: string };
export type MapInset = { state: string; x: number; y: number; width: number; height: number };
export type MapValue = { state: string; name: string; value: number | null; display: string };

const mapColours = ["#eef4f8", "#c6dbef", "#9ecae1", "#4292c6", "#08519c"];
const withheldColour = "#d4d4d4";

/** Classes of the colour scale: zero, then four equal steps up to the largest published count. */
export function mapClasses(values: (number | null)[]): number[] {
  const max = Math.max(10, ...values.map((v) => v ?? 0));
  const step = Math.ceil(max / 4);
  return [1, step + 1, 2 * step + 1, 3 * step + 1];
}
const classOf = (v: number, breaks: number[]) => (v === 0 ? 0 : breaks.filter((b) => v >= b).length);

/** The members map: states coloured by published count, territories in insets, legend and table. */
export function StateMap({
  id,
  title,
  source,
  csvHref,
  covers,
  width,
  height,
  shapes,
  insets,
  values,
}: {
  id: string;
  title: string;
  source: ReactNode;
  csvHref: string;
  covers?: string;
  width: number;
  height: number;
  shapes: MapShape[];
  insets: MapInset[];
  values: MapValue[];
}) {
  const byState = new Map(values.map((v) => [v.state, v]));
  const breaks = mapClasses(values.map((v) => v.value));
  const fillOf = (v: MapValue | undefined) => (!v || v.value === null ? withheldColour : mapColours[classOf(v.value, breaks)]);
  const legend = [
    { label: "None", colour: mapColours[0] },
    ...breaks.map((b, i) => ({ label: i < 3 ? `${b.toLocaleString("en-US")} to ${(breaks[i + 1] - 1).toLocaleString("en-US")}` : `${b.toLocaleString("en-US")} or more`, colour: mapColours[i + 1] })),
    { label: "Fewer than 10 (not shown)", colour: withheldColour },
  ];
  return (
    <ChartFrame
      id={id}
      title={title}
      source={source}
      csvHref={csvHref}
      covers={covers}
      table={
        <TableScroll label={`${title}: table`}>
          <table className="chart-data" data-chart={id}>
            <thead>
              <tr>
                <th scope="col">State or territory</th>
                <th scope="col">Members</th>
              </tr>
            </thead>
            <tbody>
              {values.map((v) => (
                <tr key={v.state}>
                  <th scope="row">
                    <a href={`/numbers/${v.state.toLowerCase()}`}>{v.name}</a>
                  </th>
                  <td data-label={v.state} data-value={v.value ?? ""}>
                    {v.display}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      }
    >
      <svg className="chart-svg chart-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} data-chart={id}>
        <title>{title}</title>
        {insets.map((i) => (
          <g key={i.state}>
            <rect x={i.x} y={i.y} width={i.width} height={i.height} className="map-inset" />
            <text x={i.x + 3} y={i.y - 4} className="map-inset-label">
              {i.state}
            </text>
          </g>
        ))}
        {shapes.map((s) => {
          const v = byState.get(s.state);
          return (
            <path key={s.state} d={s.d} fill={fillOf(v)} className="map-state" data-label={s.state} data-value={v?.value ?? ""}>
              <title>{`${v?.name ?? s.state}: ${v?.display ?? "no figure"}`}</title>
            </path>
          );
        })}
      </svg>
      <ul className="map-legend" aria-label="Colour scale">
        {legend.map((l) => (
          <li key={l.label}>
            <svg width="16" height="16" aria-hidden="true" className="map-swatch">
              <rect width="16" height="16" fill={l.colour} stroke="#888" />
            </svg>{" "}
            {l.label}
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
