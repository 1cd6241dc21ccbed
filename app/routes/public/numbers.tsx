import type { Route } from "./+types/numbers";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import { listFigures } from "~/domains/site/queries.server";
import { markPublic } from "~/platform/request-context";
import { TableScroll } from "~/app/components/table-scroll";
import { BarChart, LineChart, StateMap } from "~/app/components/evidence-charts";
import { loadNumbersPage } from "./numbers.server";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [
  pageTitle(matches, "The numbers"),
  { name: "description", content: "AMG's figures beside the official ones, the NRMP match results, and what AMG's members' own anonymous statistics show, state by state." },
];

export async function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  const db = context.services.db;
  const [figures, numbers] = await Promise.all([listFigures(db), loadNumbersPage(db, context.services.clock())]);
  return { figures, ...numbers };
}

const dateWords = (iso: string) => new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const sentence = (s: string) => s[0].toUpperCase() + s.slice(1);

export default function Numbers({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  const covers = `Covers the ${d.totalWords} approved members who allowed anonymous statistics, as of ${dateWords(d.computedAt)}. Counts from 1 to 9 are shown as "fewer than 10", and a second count is hidden wherever a total would give one away.`;
  return (
    <div className="page numbers-page">
      <h1>The numbers</h1>
      <p className="lead">
        Each figure AMG states is shown beside the official figure, with a link to the source, so you can check every number yourself. Below them: the national match results, and what AMG's own
        members report.
      </p>

      <h2>AMG's figures and the official figures</h2>
      <div className="figure-list">
        {d.figures.map((f) => (
          <section key={f.slug} className="figure-entry" aria-labelledby={`figure-${f.slug}`}>
            <h3 id={`figure-${f.slug}`}>{sentence(f.claim)}</h3>
            <p>
              <strong className="figure-number">{f.amgFigure}</strong> {f.amgStatement} <span className="figure-source">({f.amgSource})</span>
            </p>
            {f.officialFigure ? (
              <p>
                <span className="figure-label">Official figure:</span> {f.officialFigure}
                {f.officialBasis ? <span className="figure-source"> ({f.officialBasis})</span> : null}
              </p>
            ) : null}
            {f.verdict ? <p>{f.verdict}</p> : null}
            <p className="figure-source">
              {f.officialSource ? <>Source: {f.sourceUrl ? <a href={f.sourceUrl}>{f.officialSource}</a> : f.officialSource}. </> : null}
              {f.checkedOn ? `Last checked ${dateWords(f.checkedOn)}.` : `Last updated ${dateWords(new Date(f.updatedAt).toISOString())}.`}
            </p>
          </section>
        ))}
      </div>

      <h2>The national match</h2>
      <LineChart
        id="nrmp-match"
        title={d.nrmp.finding}
        source={
          <>
            <a href="https://www.nrmp.org/match-data/">NRMP Main Residency Match data</a> and ECFMG reports,{" "}
            {d.nrmp.uploadedAt ? `as updated by AMG on ${dateWords(d.nrmp.uploadedAt)}` : "as collected by AMG"}; a year without a figure is left blank
          </>
        }
        csvHref="/numbers/nrmp-match.csv"
        yLabel="Match rate"
        xLabel="Match year"
        series={d.nrmp.series}
        table={
          <TableScroll label="Match results by year and applicant type">
            <table className="chart-data" data-chart="nrmp-match">
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">First-year positions</th>
                  {d.nrmp.types.map((t) => (
                    <th key={t.key} scope="col">
                      {t.label}: applicants, matched, rate
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.nrmp.rows.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td>{y.positions}</td>
                    {y.cells.map((c) => (
                      <td key={c.key} data-label={`${c.key}/${y.year}`} data-value={c.rate ?? ""}>
                        {c.text}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        }
      />

      <h2>AMG's members</h2>
      <p>{covers}</p>
      <StateMap
        id="members-by-state"
        title={d.mapTitle}
        source="AMG membership records"
        csvHref="/numbers/members-by-state.csv"
        width={d.map.width}
        height={d.map.height}
        shapes={d.map.shapes}
        insets={d.map.insets}
        values={d.byState}
      />
      <BarChart
        id="members-by-waiting"
        title={d.waitingTitle}
        xLabel="Members"
        yLabel="Years since graduation"
        source="AMG membership records"
        csvHref="/numbers/members-by-years-waiting.csv"
        rows={d.byWaiting}
      />
      <BarChart
        id="members-by-graduation-year"
        title="Members by year of graduation"
        xLabel="Members"
        yLabel="Year of graduation"
        source="AMG membership records"
        csvHref="/numbers/members-by-graduation-year.csv"
        rows={d.byGraduationYear}
      />
      <BarChart
        id="members-by-exam"
        title={d.examTitle}
        xLabel="Members"
        yLabel="Furthest licensing exam passed"
        source="AMG membership records"
        csvHref="/numbers/members-by-exam.csv"
        rows={d.byExamLevel}
      />
      {d.cycles.rows.length ? (
        <>
          <BarChart
            id="cost-of-applying"
            title={d.cycles.costTitle}
            xLabel="Median spent on one application cycle (US dollars)"
            yLabel="Match year"
            source="AMG members' own match-cycle logs"
            csvHref="/numbers/match-cycles.csv"
            rows={d.cycles.costRows}
            format={(n) => `$${n.toLocaleString("en-US")}`}
          />
          <BarChart
            id="member-match-rate"
            title={d.cycles.rateTitle}
            xLabel="Share of members who applied that year who matched (%)"
            yLabel="Match year"
            source="AMG members' own match-cycle logs"
            csvHref="/numbers/match-cycles.csv"
            rows={d.cycles.rateRows}
            format={(n) => `${n}%`}
          />
          <TableScroll label="Members' match cycles">
            <table className="chart-data">
              <caption>Members' match cycles: what applying cost and how it ended</caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Members who applied</th>
                  <th scope="col">Matched</th>
                  <th scope="col">Did not match, withdrew or sent no rank list</th>
                  <th scope="col">Match rate</th>
                  <th scope="col">Median cost</th>
                  <th scope="col">Cost at the 90th percentile</th>
                </tr>
              </thead>
              <tbody>
                {d.cycles.rows.map((c) => (
                  <tr key={c.year}>
                    <th scope="row">{c.year}</th>
                    <td>{c.applied}</td>
                    <td>{c.matched}</td>
                    <td>{c.notMatched}</td>
                    <td>{c.rate}</td>
                    <td>{c.median}</td>
                    <td>{c.p90}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : (
        <p>No member has logged a match cycle yet: the cost of applying and the members' match rate appear here once at least ten members have logged one.</p>
      )}
      <p className="hint">
        Looking for your state or district? Open it from the table under the map, or go to an address such as <a href="/numbers/ny">/numbers/ny</a> or <a href="/numbers/ny-22">/numbers/ny-22</a>.
      </p>
    </div>
  );
}
