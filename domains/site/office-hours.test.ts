import { describe, expect, it } from "vitest";
import { describeOfficeHours, summariseWeeklyHours } from "./office-hours";
import { starterOfficeHours } from "./starter-content";
import type { OfficeHours } from "./site.schema";

const hours = starterOfficeHours;

describe("describeOfficeHours (America/New_York, Monday–Friday 9–5, US federal holidays)", () => {
  const cases: { name: string; at: string; label: string; changesAt: string }[] = [
    { name: "is open on a weekday morning (EST, UTC−5)", at: "2026-01-06T15:00:00Z", label: "Open now — until 5:00 pm ET", changesAt: "2026-01-06T22:00:00Z" },
    { name: "is closed before 9 am and opens today", at: "2026-01-06T13:30:00Z", label: "Closed — opens today 9:00 am ET", changesAt: "2026-01-06T14:00:00Z" },
    { name: "is closed at exactly 5 pm", at: "2026-01-06T22:00:00Z", label: "Closed — opens Wednesday 9:00 am ET", changesAt: "2026-01-07T14:00:00Z" },
    { name: "on Friday evening opens Monday", at: "2026-01-09T23:30:00Z", label: "Closed — opens Monday 9:00 am ET", changesAt: "2026-01-12T14:00:00Z" },
    { name: "on Saturday opens Monday", at: "2026-01-10T16:00:00Z", label: "Closed — opens Monday 9:00 am ET", changesAt: "2026-01-12T14:00:00Z" },
    { name: "is closed on Thanksgiving and opens the Friday after", at: "2026-11-26T15:00:00Z", label: "Closed — opens Friday 9:00 am ET", changesAt: "2026-11-27T14:00:00Z" },
    {
      name: "is closed on Friday 3 July 2026, the observed date of Independence Day (a Saturday)",
      at: "2026-07-03T14:00:00Z",
      label: "Closed — opens Monday 9:00 am ET",
      changesAt: "2026-07-06T13:00:00Z",
    },
    {
      name: "is closed on Monday 5 July 2027, the observed date of Independence Day (a Sunday)",
      at: "2027-07-05T14:00:00Z",
      label: "Closed — opens Tuesday 9:00 am ET",
      changesAt: "2027-07-06T13:00:00Z",
    },
    { name: "is closed on Friday 31 December 2027, the observed New Year's Day of 2028", at: "2027-12-31T15:00:00Z", label: "Closed — opens Monday 9:00 am ET", changesAt: "2028-01-03T14:00:00Z" },
    { name: "skips MLK Day when telling when it opens", at: "2026-01-16T23:00:00Z", label: "Closed — opens Tuesday 9:00 am ET", changesAt: "2026-01-20T14:00:00Z" },
    { name: "uses EDT (UTC−4) after the spring change: 9:30 am on 9 March 2026 is open", at: "2026-03-09T13:30:00Z", label: "Open now — until 5:00 pm ET", changesAt: "2026-03-09T21:00:00Z" },
    { name: "uses EST (UTC−5) before the spring change: 8:30 am on 6 March 2026 is closed", at: "2026-03-06T13:30:00Z", label: "Closed — opens today 9:00 am ET", changesAt: "2026-03-06T14:00:00Z" },
    {
      name: "crosses the autumn change: Friday 30 Oct 2026 evening opens Monday 2 Nov at 9 EST",
      at: "2026-10-30T22:30:00Z",
      label: "Closed — opens Monday 9:00 am ET",
      changesAt: "2026-11-02T14:00:00Z",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const status = describeOfficeHours(new Date(c.at), hours);
      expect(status.label).toBe(c.label);
      expect(status.isOpen).toBe(c.label.startsWith("Open"));
      expect(status.changesAt.toISOString()).toBe(new Date(c.changesAt).toISOString());
    });
  }

  it("honours extra closed days set by staff", () => {
    const withClosure: OfficeHours = { ...hours, closedDates: [{ date: "2026-01-06", note: "Staff retreat" }] };
    expect(describeOfficeHours(new Date("2026-01-06T15:00:00Z"), withClosure).label).toBe("Closed — opens Wednesday 9:00 am ET");
  });

  it("can ignore federal holidays when staff say so", () => {
    const open: OfficeHours = { ...hours, observeUsFederalHolidays: false };
    expect(describeOfficeHours(new Date("2026-11-26T15:00:00Z"), open).isOpen).toBe(true);
  });

  it("works in another time zone with its own label", () => {
    const pacific: OfficeHours = { ...hours, timeZone: "America/Los_Angeles", zoneLabel: "PT" };
    expect(describeOfficeHours(new Date("2026-01-06T18:30:00Z"), pacific).label).toBe("Open now — until 5:00 pm PT");
  });

  it("names the date when the next opening is more than a week away", () => {
    const closedTwoWeeks: OfficeHours = {
      ...hours,
      closedDates: Array.from({ length: 14 }, (_, i) => ({ date: `2026-02-${String(2 + i).padStart(2, "0")}`, note: "" })),
    };
    expect(describeOfficeHours(new Date("2026-02-02T15:00:00Z"), closedTwoWeeks).label).toBe("Closed — opens Tuesday, Feb 17 9:00 am ET");
  });

  it("says simply Closed when no opening day lies ahead", () => {
    const neverOpen: OfficeHours = { ...hours, weekly: { monday: null, tuesday: null, wednesday: null, thursday: null, friday: null, saturday: null, sunday: null } };
    expect(describeOfficeHours(new Date("2026-01-06T15:00:00Z"), neverOpen).label).toBe("Closed");
  });
});

describe("summariseWeeklyHours", () => {
  it("groups days with the same hours", () => {
    expect(summariseWeeklyHours(hours)).toEqual(["Monday–Friday, 9:00 am–5:00 pm ET"]);
  });
  it("lists days with other hours separately", () => {
    const h: OfficeHours = { ...hours, weekly: { ...hours.weekly, friday: { opens: "09:00", closes: "13:30" } } };
    expect(summariseWeeklyHours(h)).toEqual(["Monday–Thursday, 9:00 am–5:00 pm ET", "Friday, 9:00 am–1:30 pm ET"]);
  });
});
