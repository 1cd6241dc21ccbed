// Every CSV file the platform writes goes through `toCsv`, so a value people typed (a name, a school,
// an address, an e-mail) can never reach a spreadsheet as a live formula (`=HYPERLINK(...)`: CSV or
// formula injection). It does not read CSV; the member import undoes the neutralising with
// `restoreCsvCell` so an export imports again unchanged.
//
// The rule is OWASP's (https://owasp.org/www-community/attacks/CSV_Injection): a cell that starts
// with =, +, -, @, tab or carriage return is prefixed with a single quote and written in double
// quotes. The full-width =, +, - and @ are included because Apple Numbers reads them as the ASCII
// ones. A cell that already starts with quotes before such a character gets one more quote, so
// `restoreCsvCell` (which removes exactly one) gives back what was typed, quotes included.
import { stringify } from "csv-stringify/sync";
import type { Options } from "csv-stringify/sync";

const formulaStart = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const neutralisedStart = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** True when a spreadsheet could read the text as a formula (or a quoted one, see above). */
export const startsLikeFormula = (value: string) => formulaStart.test(value);

/** The text as it is written to a CSV cell: with a leading single quote when it starts like a formula. */
export const neutraliseCsvCell = (value: string) => (startsLikeFormula(value) ? `'${value}` : value);

/** The inverse of `neutraliseCsvCell`, for files read back in: drops the quote it added, nothing else. */
export const restoreCsvCell = (value: string) => (neutralisedStart.test(value) ? value.slice(1) : value);

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Rows as CSV text (the header is just the first row). Text cells are neutralised and, when they
 * were, quoted; numbers are written as numbers (a negative number is not a formula).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: Pick<Options, "record_delimiter" | "bom"> = {}): string {
  return stringify(rows as CsvCell[][], {
    ...options,
    cast: {
      string: (value) => (startsLikeFormula(value) ? { value: `'${value}`, quoted: true } : value),
    },
  });
}
