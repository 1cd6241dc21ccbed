// The console's one list: a filter bar (a GET form), a table whose sortable headers are links,
// paging links and an empty state. Everything is a link or a GET form: it works without
// JavaScript. On a phone each row becomes a card (the header beside each value), so no page
// scrolls sideways; on wider screens a table wider than its column scrolls in its own box.
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { TableScroll } from "./table-scroll";

export type SortDirection = "asc" | "desc";
export type ListSort = { by: string; direction: SortDirection };

export type Column<Row> = {
  /** The key in `?sort=`; also the React key. */
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  sortable?: boolean;
  /** A header shown to screen readers only (e.g. a column of buttons). */
  hiddenHeader?: boolean;
};

export type Paging =
  /** Keyset paging: "Older …" continues before the last row shown. */
  | { kind: "older"; before: number | null; label: string }
  /** Numbered pages. */
  | { kind: "pages"; page: number; pages: number };

type Props<Row> = {
  /** Names the table (its caption) and its scrolling region. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** The query string this list was asked with (filters), kept by the sort and page links. */
  query: Record<string, string>;
  sort?: ListSort;
  paging?: Paging;
  /** What the list says when nothing matches. */
  empty: string;
  /** The filter bar's fields; the bar has its own submit button. */
  filters?: ReactNode;
  filterButton?: string;
  /** More controls beside the filter button (e.g. an export link). */
  filterExtras?: ReactNode;
};

const withQuery = (query: Record<string, string>, changes: Record<string, string | null>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) if (value !== null && value !== "") params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "?";
};

/** A sortable column's header: a link that sorts by it (the other way when it already does); the arrow is drawn by the stylesheet from aria-sort. */
function SortHeader({ column, sort, query }: { column: Column<unknown>; sort?: ListSort; query: Record<string, string> }) {
  const active = sort?.by === column.key;
  const next: SortDirection = active && sort?.direction === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (sort?.direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={withQuery(query, { sort: column.key, dir: next, page: null, before: null })} className="sort-link">
        {column.header}
      </Link>
    </th>
  );
}

function PagingLinks({ paging, query }: { paging: Paging; query: Record<string, string> }) {
  if (paging.kind === "older") {
    if (!paging.before) return null;
    return (
      <p className="pager">
        <Link to={withQuery(query, { before: String(paging.before), page: null })}>{paging.label}</Link>
      </p>
    );
  }
  if (paging.pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {paging.page > 1 ? <Link to={withQuery(query, { page: String(paging.page - 1) })}>← Previous</Link> : null}
      <span>
        Page {paging.page} of {paging.pages}
      </span>
      {paging.page < paging.pages ? <Link to={withQuery(query, { page: String(paging.page + 1) })}>Next →</Link> : null}
    </nav>
  );
}

export function DataTable<Row>({ caption, columns, rows, rowKey, query, sort, paging, empty, filters, filterButton = "Filter", filterExtras }: Props<Row>) {
  return (
    <>
      {filters ? (
        <Form method="get" className="filter-bar" role="search" aria-label={`Filter: ${caption}`}>
          {sort ? (
            <>
              <input type="hidden" name="sort" value={sort.by} />
              <input type="hidden" name="dir" value={sort.direction} />
            </>
          ) : null}
          {filters}
          <button type="submit">{filterButton}</button>
          {filterExtras}
        </Form>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty-state">{empty}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="data-table stacking">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) =>
                  c.sortable ? (
                    <SortHeader key={c.key} column={c as Column<unknown>} sort={sort} query={query} />
                  ) : (
                    <th key={c.key} scope="col">
                      {c.hiddenHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td key={c.key} data-label={c.hiddenHeader ? undefined : c.header}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {paging ? <PagingLinks paging={paging} query={query} /> : null}
    </>
  );
}

/** A list's filter by one stored value (status, role…): "All" first, then each value in words. */
export function ChoiceFilter<Code extends string>({ label, name, value, codes, labels }: { label: string; name: string; value: string; codes: readonly Code[]; labels: Record<Code, string> }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value="">All</option>
        {codes.map((code) => (
          <option key={code} value={code}>
            {labels[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
