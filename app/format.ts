// How dates and numbers read on staff pages.
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" });
export const formatDateTime = (d: Date | string | null | undefined) => (d ? `${dateTime.format(new Date(d))} ET` : "—");
export const formatCount = (n: number) => n.toLocaleString("en-US");

/** Reads an optional positive integer query parameter (pagination cursors). */
export function positiveInt(value: string | null): number | undefined {
  const n = value ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
