// Pure decisions of mentorship: the honest expected wait, when a mentorship is stalled or due for
// feedback, and how small counts are shown on the dashboard.

/** Matches made in this many recent weeks give the rate the expected wait uses. */
export const rateWindowWeeks = 12;

export type WaitEstimate = { weeks: number } | { weeks: null };

/**
 * "About N weeks" for the person at `place` (1 = next in line): the people ahead beyond the free places
 * need the recent rate of matches to clear. No match in the window: no honest estimate (null).
 */
export function expectedWait(p: { place: number; freePlaces: number; matchesInWindow: number }): WaitEstimate {
  if (p.matchesInWindow <= 0) return { weeks: null };
  const perWeek = p.matchesInWindow / rateWindowWeeks;
  const ahead = Math.max(0, p.place - p.freePlaces);
  return { weeks: Math.max(1, Math.ceil(ahead / perWeek)) };
}

export function waitInWords(estimate: WaitEstimate): string {
  if (estimate.weeks === null) return "We cannot estimate the wait yet: no matches have been made recently to measure it by.";
  return `About ${estimate.weeks} ${estimate.weeks === 1 ? "week" : "weeks"}, from the matches of the last ${rateWindowWeeks} weeks and the mentors' free places.`;
}

const dayMs = 86_400_000;
export const stalledAfterDays = 42;
export const feedbackAfterDays = 91;

/** No meeting logged (or none since it started) for six weeks, and not nudged in the last six weeks. */
export function isStalled(p: { startedAt: Date; lastMeetingOn: string | null; nudgedAt: Date | null }, now: Date): boolean {
  const last = p.lastMeetingOn ? new Date(`${p.lastMeetingOn}T12:00:00Z`) : p.startedAt;
  if (now.getTime() - last.getTime() < stalledAfterDays * dayMs) return false;
  return !p.nudgedAt || now.getTime() - p.nudgedAt.getTime() >= stalledAfterDays * dayMs;
}

export const isDueThreeMonthFeedback = (p: { acceptedAt: Date | null; feedbackAskedAt: Date | null }, now: Date) =>
  !!p.acceptedAt && !p.feedbackAskedAt && now.getTime() - p.acceptedAt.getTime() >= feedbackAfterDays * dayMs;

/** Counts under 10 are never shown as a number (a group that small can point to a person). */
export const countInWords = (n: number) => (n < 10 ? "fewer than 10" : n.toLocaleString("en-US"));

/** The share of a group as a percentage, or nothing when the group is under 10. */
export const shareInWords = (part: number, of: number) => (of < 10 ? "not shown (fewer than 10)" : `${Math.round((100 * part) / of)} %`);
