import { describe, expect, it } from "vitest";
import { countInWords, expectedWait, isDueForNudge, isDueThreeMonthFeedback, isStalled, refuseNudgeByHand, shareInWords, waitInWords } from "./rules";

describe("expectedWait", () => {
  it.each([
    { name: "no matches yet: no estimate", place: 3, freePlaces: 0, matchesInWindow: 0, weeks: null },
    { name: "a free place for everyone ahead: about a week", place: 3, freePlaces: 5, matchesInWindow: 12, weeks: 1 },
    { name: "twelve ahead beyond the free places at one a week: twelve weeks", place: 14, freePlaces: 2, matchesInWindow: 12, weeks: 12 },
    { name: "rounds up", place: 5, freePlaces: 0, matchesInWindow: 24, weeks: 3 },
  ])("$name", ({ place, freePlaces, matchesInWindow, weeks }) => {
    expect(expectedWait({ place, freePlaces, matchesInWindow }).weeks).toBe(weeks);
  });
  it("says honestly when it cannot estimate", () => {
    expect(waitInWords({ weeks: null })).toMatch(/cannot estimate/);
    expect(waitInWords({ weeks: 3 })).toMatch(/^About 3 weeks/);
  });
});

describe("stalled and feedback", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  it.each([
    { name: "a meeting last week", startedAt: daysAgo(100), lastMeetingOn: "2026-05-25", nudgedAt: null, stalled: false, due: false, byHand: "not-stalled" },
    { name: "no meeting in seven weeks", startedAt: daysAgo(100), lastMeetingOn: "2026-04-10", nudgedAt: null, stalled: true, due: true, byHand: null },
    { name: "never met, started seven weeks ago", startedAt: daysAgo(49), lastMeetingOn: null, nudgedAt: null, stalled: true, due: true, byHand: null },
    { name: "never met, started five weeks ago", startedAt: daysAgo(35), lastMeetingOn: null, nudgedAt: null, stalled: false, due: false, byHand: "not-stalled" },
    { name: "nudged three days ago", startedAt: daysAgo(100), lastMeetingOn: null, nudgedAt: daysAgo(3), stalled: true, due: false, byHand: "nudged-recently" },
    { name: "nudged eight days ago", startedAt: daysAgo(100), lastMeetingOn: null, nudgedAt: daysAgo(8), stalled: true, due: false, byHand: null },
    { name: "nudged seven weeks ago", startedAt: daysAgo(100), lastMeetingOn: null, nudgedAt: daysAgo(49), stalled: true, due: true, byHand: null },
  ])("$name", ({ startedAt, lastMeetingOn, nudgedAt, stalled, due, byHand }) => {
    expect(isStalled({ startedAt, lastMeetingOn }, now)).toBe(stalled);
    expect(isDueForNudge({ startedAt, lastMeetingOn, nudgedAt }, now)).toBe(due);
    expect(refuseNudgeByHand({ startedAt, lastMeetingOn, nudgedAt }, now)).toBe(byHand);
  });
  it("asks three-month feedback once, after 91 days", () => {
    expect(isDueThreeMonthFeedback({ acceptedAt: daysAgo(92), feedbackAskedAt: null }, now)).toBe(true);
    expect(isDueThreeMonthFeedback({ acceptedAt: daysAgo(60), feedbackAskedAt: null }, now)).toBe(false);
    expect(isDueThreeMonthFeedback({ acceptedAt: daysAgo(120), feedbackAskedAt: daysAgo(20) }, now)).toBe(false);
  });
});

describe("small counts", () => {
  it.each([
    [0, "0"],
    [1, "fewer than 10"],
    [9, "fewer than 10"],
    [10, "10"],
    [1234, "1,234"],
  ])("%i → %s", (n, words) => expect(countInWords(n)).toBe(words));
  it("hides shares of small groups", () => {
    expect(shareInWords(3, 9)).toBe("not shown (fewer than 10)");
    expect(shareInWords(10, 40)).toBe("25 %");
    expect(shareInWords(0, 20)).toBe("0 %");
    expect(shareInWords(0, 0)).toBe("none yet");
  });
  it("hides a share that would give away a small part, or a small rest", () => {
    expect(shareInWords(3, 20)).toMatch(/^not shown/);
    expect(shareInWords(17, 20)).toMatch(/^not shown/);
    expect(shareInWords(20, 20)).toBe("100 %");
  });
});
