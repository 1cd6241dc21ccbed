// How dates and numbers read on staff pages.
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" });
export const formatDateTime = (d: Date | string | null | undefined) => (d ? `${dateTime.format(new Date(d))} ET` : "—");
export const formatCount = (n: number) => n.toLocaleString("en-US");
/** A calendar date ("2026-03-12") in words: March 12, 2026. */
export const formatDay = (day: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
const dateOnly = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "America/New_York" });
/** A date for public pages: "November 30, 2026". */
export const formatDate = (d: Date | string) => dateOnly.format(new Date(d));

/** The largest id a PostgreSQL `integer`/`serial` column holds: a larger cursor is no id of ours. */
export const maxIntegerId = 2_147_483_647;

/**
 * Reads an optional positive integer query parameter (pagination cursors, pages, years): digits
 * only, at most `max` (a larger number would be out of the column's range in PostgreSQL, or lose
 * precision in JavaScript); anything else reads as absent.
 */
export function positiveInt(value: string | null, max = maxIntegerId): number | undefined {
  const digits = value?.trim() ?? "";
  if (!/^\d{1,10}$/.test(digits)) return undefined;
  const n = Number(digits);
  return n > 0 && n <= max ? n : undefined;
}
