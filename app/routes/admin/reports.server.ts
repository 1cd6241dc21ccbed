// The date range of the staff reports, read from the query.
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The range from the query (YYYY-MM-DD, end included), or the last twelve months; never longer than ten years. */
export function reportRangeFrom(url: URL, now: Date) {
  const to = url.searchParams.get("to") ?? "";
  const from = url.searchParams.get("from") ?? "";
  const end = isoDate.test(to) && !Number.isNaN(Date.parse(to)) ? new Date(`${to}T00:00:00Z`) : new Date(`${dayOf(now)}T00:00:00Z`);
  const defaultStart = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), 1));
  let start = isoDate.test(from) && !Number.isNaN(Date.parse(from)) ? new Date(`${from}T00:00:00Z`) : defaultStart;
  if (start > end) start = defaultStart;
  if (end.getTime() - start.getTime() > 10 * 366 * 86_400_000) start = new Date(end.getTime() - 10 * 366 * 86_400_000);
  return { from: start, to: new Date(end.getTime() + 86_400_000), fromText: dayOf(start), toText: dayOf(end) };
}
