// The numbers page's data in words: every count already suppressed by the evidence context.
import type { Executor } from "~/db/client.server";
import { chartedTypes } from "~/domains/evidence/nrmp-match";
import { type PublishedBreakdown, publicNumbers } from "~/domains/evidence/public-numbers.server";
import { stateMap } from "~/domains/evidence/state-map.server";
import { formatPublished, type PublishedCount } from "~/domains/evidence/suppression";

const numberOrNull = (c: PublishedCount) => (c.withheld === false ? c.value : null);
const rowsOf = (b: PublishedBreakdown) => b.rows.map((r) => ({ label: r.label, value: numberOrNull(r.count), display: formatPublished(r.count) }));
const money = (n: number | null) => (n === null ? "not shown (fewer than 10 logged a cost)" : `$${n.toLocaleString("en-US")}`);
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export async function loadNumbersPage(db: Executor, now: Date) {
  const n = await publicNumbers(db, now);
  const map = stateMap();
  const largest = n.byState.filter((s) => s.count.withheld === false && s.count.value > 0).sort((a, b) => numberOrNull(b.count)! - numberOrNull(a.count)!)[0];
  const waitingLong = n.byWaiting.rows.slice(2).reduce((a, r) => (a === null || r.count.withheld !== false ? null : a + r.count.value), 0 as number | null);
  const waitingTotal = numberOrNull(n.byWaiting.total);
  const passedStep2 = n.byExamLevel.rows.slice(2).reduce((a, r) => (a === null || r.count.withheld !== false ? null : a + r.count.value), 0 as number | null);
  const cycles = n.cycles.map((c) => ({
    year: c.year,
    applied: formatPublished(c.applied),
    matched: formatPublished(c.matched),
    notMatched: formatPublished(c.notMatched),
    rate: c.matchRate === null ? "not shown" : `${pct(c.matchRate)}%`,
    rateValue: pct(c.matchRate),
    median: money(c.medianCost),
    p90: money(c.p90Cost),
    medianCost: c.medianCost,
    p90Cost: c.p90Cost,
  }));
  const latestCost = [...cycles].reverse().find((c) => c.medianCost !== null);
  const latestRate = [...cycles].reverse().find((c) => c.rateValue !== null);
  return {
    computedAt: n.computedAt,
    totalWords: formatPublished(n.places.total),
    map: { width: map.width, height: map.height, shapes: map.shapes, insets: map.insets },
    mapTitle: largest ? `AMG members live across the country; the most in ${largest.name} (${formatPublished(largest.count)})` : "Where AMG members live",
    byState: n.byState.map((s) => ({ state: s.state, name: s.name, value: numberOrNull(s.count), display: formatPublished(s.count) })),
    waitingTitle:
      waitingLong !== null && waitingTotal ? `${Math.round((waitingLong / waitingTotal) * 100)}% of members graduated four or more years ago` : "How long members have waited since graduating",
    byWaiting: rowsOf(n.byWaiting),
    byGraduationYear: rowsOf(n.byGraduationYear),
    examTitle:
      passedStep2 !== null && waitingTotal
        ? `${Math.round((passedStep2 / waitingTotal) * 100)}% of members have passed Step 2 CK or Level 2-CE, the exams residency programmes ask for`
        : "Licensing exams members have passed",
    byExamLevel: rowsOf(n.byExamLevel),
    cycles: {
      rows: cycles,
      costTitle: latestCost
        ? `In ${latestCost.year}, members spent a median of ${money(latestCost.medianCost)} on one application cycle; one in ten spent ${money(latestCost.p90Cost)} or more`
        : "What applying cost members (shown once ten members log a cost for a year)",
      costRows: cycles.map((c) => ({ label: String(c.year), value: c.medianCost, display: c.medianCost === null ? "not shown" : `${money(c.medianCost)} (90th percentile ${money(c.p90Cost)})` })),
      rateTitle: latestRate
        ? `In ${latestRate.year}, ${latestRate.rateValue}% of members who applied matched, counting those who withdrew or sent no rank list`
        : "Members' match rate, counting everyone who applied",
      rateRows: cycles.map((c) => ({ label: String(c.year), value: c.rateValue, display: c.rate })),
    },
    nrmp: {
      finding: n.nrmp.finding,
      uploadedAt: n.nrmp.uploadedAt,
      types: chartedTypes,
      series: chartedTypes.map((t) => ({ key: t.key, label: t.label, points: n.nrmp.series.map((y) => ({ x: y.year, y: y.byType[t.key]?.ratePct ?? null })) })),
      rows: n.nrmp.series.map((y) => ({
        year: y.year,
        positions: y.positions === null ? "missing" : y.positions.toLocaleString("en-US"),
        cells: chartedTypes.map((t) => {
          const c = y.byType[t.key];
          const f = (v: number | null | undefined) => (v == null ? "missing" : v.toLocaleString("en-US"));
          return { key: t.key, rate: c?.ratePct ?? null, text: c ? `${f(c.applicants)}, ${f(c.matched)}, ${c.ratePct == null ? "missing" : `${c.ratePct}%`}` : "missing" };
        }),
      })),
    },
  };
}
