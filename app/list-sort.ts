// Sorting a console list from its query string (?sort=<column>&dir=asc|desc): the column must be
// one the page offers, else the page's default.
import type { ListSort, SortDirection } from "./components/data-table";

export function listSortOf<K extends string>(params: URLSearchParams, columns: readonly K[], fallback: { by: K; direction: SortDirection }): { by: K; direction: SortDirection } {
  const by = columns.find((c) => c === params.get("sort"));
  if (!by) return fallback;
  return { by, direction: params.get("dir") === "desc" ? "desc" : "asc" };
}

/** Sorts a page's rows (a bounded list) by the value each column gives; text ignores case, empty values go last. */
export function sortRows<Row>(rows: readonly Row[], sort: ListSort, valuesBy: Record<string, (row: Row) => string | number | Date | null | undefined>): Row[] {
  const get = Object.hasOwn(valuesBy, sort.by) ? valuesBy[sort.by] : undefined;
  if (!get) return [...rows];
  const sign = sort.direction === "asc" ? 1 : -1;
  const comparable = (v: string | number | Date | null | undefined) => (v instanceof Date ? v.getTime() : typeof v === "string" ? v.toLocaleLowerCase("en-US") : v);
  return [...rows].sort((a, b) => {
    const x = comparable(get(a));
    const y = comparable(get(b));
    if (x === y) return 0;
    if (x === null || x === undefined || x === "") return 1;
    if (y === null || y === undefined || y === "") return -1;
    return (x < y ? -1 : 1) * sign;
  });
}

/** The query string of a list as a plain object (what its links keep). */
export function queryOf(params: URLSearchParams, drop: readonly string[] = ["page", "before"]): Record<string, string> {
  return Object.fromEntries([...params.entries()].filter(([k]) => !drop.includes(k)));
}
