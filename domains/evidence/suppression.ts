// The rules that keep a published count from pointing at a person (decision 0025). Pure: no I/O.
//
// 1. Primary suppression: a count from 1 to 9 is published as "fewer than 10".
// 2. Complementary suppression: a table is a set of cells and the sums that tie them (a row and
//    its total, a column and its total, the districts of a state and the state). Whenever one of
//    those sums has exactly one withheld entry, that entry could be recomputed by subtraction, so a
//    second entry is withheld too: the smallest non-zero published part, or the total when no part
//    is left. Repeated until no sum has a single withheld entry.
// 3. Consistency: pages that publish overlapping numbers read them from ONE suppressed table (the
//    national total, the states and their districts are one problem: see suppressPlaces), so a
//    number withheld on one page is withheld on every page, and two published numbers never
//    differ by a withheld one.
// Zero is published (it points at nobody) and is never chosen as a complement.

/** The smallest count published. Ten is the usual small-cell threshold of statistical agencies. */
export const minimumPublishedCount = 10;

/** What a withheld count reads as, everywhere. */
export const withheldLabel = "fewer than 10";

/** A count as published: its value, or withheld (with the reason, for staff and tests). */
export type PublishedCount = { value: number; withheld: false } | { value: null; withheld: "primary" | "complementary" };

/** A sum that ties the cells of a table: parts add up to total (indexes into the cells). */
export type Relation = { parts: readonly number[]; total: number };

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Is this count one that must never be published on its own (1–9)? */
export const isSmallCount = (n: number) => isCount(n) && n > 0 && n < minimumPublishedCount;

/** A single count with no table around it: the value, or withheld when 1–9 (or not a count). */
export function publishCount(n: number): PublishedCount {
  if (!isCount(n) || isSmallCount(n)) return { value: null, withheld: "primary" };
  return { value: n, withheld: false };
}

/**
 * Suppresses a set of cells tied by sums. Returns one PublishedCount per cell, in order.
 * Throws when a relation points outside the cells (a programming error, not data).
 */
export function suppressCells(values: readonly number[], relations: readonly Relation[]): PublishedCount[] {
  for (const r of relations) {
    for (const i of [...r.parts, r.total]) if (!(i >= 0 && i < values.length)) throw new RangeError(`relation index ${i} outside the table`);
  }
  const withheld: ("primary" | "complementary" | false)[] = values.map((n) => (!isCount(n) || isSmallCount(n) ? "primary" : false));
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      const entries = [...r.parts, r.total];
      const hidden = entries.filter((i) => withheld[i] !== false);
      if (hidden.length !== 1) continue;
      const candidates = r.parts.filter((i) => withheld[i] === false && values[i] > 0).sort((a, b) => values[a] - values[b] || a - b);
      const complement = candidates[0] ?? (withheld[r.total] === false ? r.total : undefined);
      if (complement === undefined) continue;
      withheld[complement] = "complementary";
      changed = true;
    }
  }
  return values.map((value, i) => {
    const w = withheld[i];
    return w === false ? { value, withheld: false } : { value: null, withheld: w };
  });
}

/** A one-way table (counts by graduation year, say) and its total. */
export function suppressLine(values: readonly number[]): { cells: PublishedCount[]; total: PublishedCount } {
  const total = values.reduce((a, b) => a + b, 0);
  const all = suppressCells([...values, total], [{ parts: values.map((_, i) => i), total: values.length }]);
  return { cells: all.slice(0, values.length), total: all[values.length] };
}

/** A two-way table with its row totals, column totals and grand total. */
export function suppressTable(rows: readonly (readonly number[])[]): {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  total: PublishedCount;
} {
  const r = rows.length;
  const c = rows[0]?.length ?? 0;
  // Layout: an (r+1) × (c+1) grid, row-major; the last column and row are the totals.
  const at = (i: number, j: number) => i * (c + 1) + j;
  const grid: number[] = [];
  for (let i = 0; i <= r; i++) {
    for (let j = 0; j <= c; j++) {
      if (i < r && j < c) grid.push(rows[i][j]);
      else if (i < r) grid.push(rows[i].reduce((a, b) => a + b, 0));
      else if (j < c) grid.push(rows.reduce((a, row) => a + row[j], 0));
      else grid.push(rows.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0));
    }
  }
  const relations: Relation[] = [];
  for (let i = 0; i <= r; i++) relations.push({ parts: Array.from({ length: c }, (_, j) => at(i, j)), total: at(i, c) });
  for (let j = 0; j <= c; j++) relations.push({ parts: Array.from({ length: r }, (_, i) => at(i, j)), total: at(r, j) });
  const out = suppressCells(grid, relations);
  return {
    cells: Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => out[at(i, j)])),
    rowTotals: Array.from({ length: r }, (_, i) => out[at(i, c)]),
    columnTotals: Array.from({ length: c }, (_, j) => out[at(r, j)]),
    total: out[at(r, c)],
  };
}

/** Members by place: the national total, each state, and the districts of each state (e.g. "NY-22"). */
export type PlaceCounts = { total: number; states: Record<string, number>; districts: Record<string, number> };
export type PublishedPlaces = { total: PublishedCount; states: Record<string, PublishedCount>; districts: Record<string, PublishedCount> };

/**
 * The one suppressed table every page and letter reads place counts from: national total = sum of
 * the states; each state = sum of its districts. A member in a split ZIP counts in each of its
 * candidate districts, and a member without a district in none, so the districts are not an exact
 * sum of the state; treating them as one only withholds more, never less.
 */
export function suppressPlaces(counts: PlaceCounts): PublishedPlaces {
  const states = Object.keys(counts.states).sort();
  const districts = Object.keys(counts.districts).sort();
  const values = [counts.total, ...states.map((s) => counts.states[s]), ...districts.map((d) => counts.districts[d])];
  const stateIndex = new Map(states.map((s, i) => [s, 1 + i]));
  const relations: Relation[] = [{ parts: states.map((_, i) => 1 + i), total: 0 }];
  const byState = new Map<string, number[]>();
  districts.forEach((d, i) => {
    const state = d.split("-")[0];
    byState.set(state, [...(byState.get(state) ?? []), 1 + states.length + i]);
  });
  for (const [state, parts] of byState) {
    const total = stateIndex.get(state);
    if (total !== undefined) relations.push({ parts, total });
  }
  const out = suppressCells(values, relations);
  return {
    total: out[0],
    states: Object.fromEntries(states.map((s, i) => [s, out[1 + i]])),
    districts: Object.fromEntries(districts.map((d, i) => [d, out[1 + states.length + i]])),
  };
}

/** A published count in words: "1,204", "fewer than 10". */
export const formatPublished = (c: PublishedCount) => (c.withheld === false ? c.value.toLocaleString("en-US") : withheldLabel);

/** A share of two published counts, or null when either is withheld (a percentage must not reveal a withheld count). */
export function publishedShare(part: PublishedCount, whole: PublishedCount): number | null {
  if (part.withheld !== false || whole.withheld !== false || whole.value === 0) return null;
  return part.value / whole.value;
}

/**
 * For another context's dashboard (mentorship's waiting list, say): a set of counts shown side by
 * side with their total, suppressed as one table. Keys in, words out.
 */
export function publishCounts<K extends string>(counts: Record<K, number>): { cells: Record<K, PublishedCount>; total: PublishedCount } {
  const keys = Object.keys(counts) as K[];
  const line = suppressLine(keys.map((k) => counts[k]));
  return { cells: Object.fromEntries(keys.map((k, i) => [k, line.cells[i]])) as Record<K, PublishedCount>, total: line.total };
}
