// Pure decisions of mentorship: the honest expected wait, when a mentorship is stalled or due for
// feedback, and how small counts are shown on the dashboard (through evidence's suppression rules).
import { formatPublished, publishCount, publishCounts, publishedShare } from "~/domains/evidence/suppression";

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

/** Staff may nudge a stalled pair by hand again after this many days (a double click sends nothing twice). */
export const nudgeByHandAfterDays = 7;

type MeetingDates = { startedAt: Date; lastMeetingOn: string | null };

/** Stalled: no meeting logged for six weeks (or none in the six weeks since it started). */
export function isStalled(p: MeetingDates, now: Date): boolean {
  const last = p.lastMeetingOn ? new Date(`${p.lastMeetingOn}T12:00:00Z`) : p.startedAt;
  return now.getTime() - last.getTime() >= stalledAfterDays * dayMs;
}

/** The hourly sweep nudges a stalled pair once every six weeks. */
export function isDueForNudge(p: MeetingDates & { nudgedAt: Date | null }, now: Date): boolean {
  if (!isStalled(p, now)) return false;
  return !p.nudgedAt || now.getTime() - p.nudgedAt.getTime() >= stalledAfterDays * dayMs;
}

export type NudgeRefusal = "not-stalled" | "nudged-recently";

/** Why staff may not nudge this pair now (null: they may): only stalled pairs, at most once a week. */
export function refuseNudgeByHand(p: MeetingDates & { nudgedAt: Date | null }, now: Date): NudgeRefusal | null {
  if (!isStalled(p, now)) return "not-stalled";
  if (p.nudgedAt && now.getTime() - p.nudgedAt.getTime() < nudgeByHandAfterDays * dayMs) return "nudged-recently";
  return null;
}

export const isDueThreeMonthFeedback = (p: { acceptedAt: Date | null; feedbackAskedAt: Date | null }, now: Date) =>
  !!p.acceptedAt && !p.feedbackAskedAt && now.getTime() - p.acceptedAt.getTime() >= feedbackAfterDays * dayMs;

/** A count on the dashboard: 1 to 9 read "fewer than 10" (a group that small can point to a person); 0 is shown (decision 0025). */
export const countInWords = (n: number) => formatPublished(publishCount(n));

/**
 * The share of a group that did something, as the dashboard shows it: withheld when the group, the part
 * or the rest is 1 to 9 (the part and the rest are one small table with the group as its total, so
 * neither can be worked out from the other).
 */
export function shareInWords(part: number, of: number): string {
  if (of === 0) return "none yet";
  const { cells, total } = publishCounts({ part, rest: of - part });
  const share = publishedShare(cells.part, total);
  if (share === null) return total.withheld ? "not shown (fewer than 10)" : "not shown (it would reveal a count under 10)";
  return `${Math.round(100 * share)} %`;
}
