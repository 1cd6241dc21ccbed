// Office hours: is the organisation open at a given instant, and until/from when?
// Pure: the instant and the settings come in; US federal holidays (with their observed
// dates, e.g. a Saturday 4 July observed on Friday 3) come from date-holidays, and time-zone
// arithmetic (including daylight-saving changes) from Luxon. No hand-written tables.
import Holidays from "date-holidays";
import { DateTime } from "luxon";
import type { OfficeHours, Weekday } from "./site.schema";
import { weekdays } from "./site.schema";

export type OfficeStatus = {
  isOpen: boolean;
  /** "Open now — until 5:00 pm ET" or "Closed — opens Monday 9:00 am ET". */
  label: string;
  /** The next instant the status changes (pages that show it may be cached until then). */
  changesAt: Date;
};

const usHolidays = new Holidays("US");
const holidayCache = new Map<number, Map<string, string>>();

/** US federal public holidays of a year, keyed by observed date (YYYY-MM-DD). */
function federalHolidays(year: number): Map<string, string> {
  let found = holidayCache.get(year);
  if (!found) {
    found = new Map();
    for (const h of usHolidays.getHolidays(year)) {
      if (h.type === "public") found.set(h.date.slice(0, 10), h.name);
    }
    holidayCache.set(year, found);
  }
  return found;
}

/** The reason the office is closed all day on a local date, or null. */
export function closedReason(date: DateTime, hours: OfficeHours): string | null {
  const iso = date.toISODate()!;
  const extra = hours.closedDates.find((d) => d.date === iso);
  if (extra) return extra.note || "closed";
  if (hours.observeUsFederalHolidays) {
    // An observed date can fall in the neighbouring year (New Year's Day on a Saturday → 31 December).
    for (const year of [date.year, date.year + 1]) {
      const name = federalHolidays(year).get(iso);
      if (name) return name;
    }
  }
  return null;
}

function formatTime(t: DateTime): string {
  return t.toFormat("h:mm a").replace("AM", "am").replace("PM", "pm");
}

const searchDays = 21;

export function describeOfficeHours(now: Date, hours: OfficeHours): OfficeStatus {
  const here = DateTime.fromJSDate(now, { zone: hours.timeZone }).setLocale("en-US");
  for (let offset = 0; offset < searchDays; offset++) {
    const day = here.startOf("day").plus({ days: offset });
    const today = hours.weekly[weekdays[day.weekday - 1] as Weekday];
    if (!today || closedReason(day, hours)) continue;
    const [oh, om] = today.opens.split(":").map(Number);
    const [ch, cm] = today.closes.split(":").map(Number);
    const opens = day.set({ hour: oh, minute: om });
    const closes = day.set({ hour: ch, minute: cm });
    if (here < opens) {
      const when = offset === 0 ? "today" : offset < 7 ? opens.toFormat("cccc") : opens.toFormat("cccc, LLL d");
      return {
        isOpen: false,
        label: `Closed — opens ${when} ${formatTime(opens)} ${hours.zoneLabel}`,
        changesAt: opens.toJSDate(),
      };
    }
    if (here < closes) {
      return { isOpen: true, label: `Open now — until ${formatTime(closes)} ${hours.zoneLabel}`, changesAt: closes.toJSDate() };
    }
  }
  return { isOpen: false, label: "Closed", changesAt: here.plus({ hours: 1 }).toJSDate() };
}

/** "Monday–Friday, 9:00 am–5:00 pm ET" style lines, grouping days with the same hours. */
export function summariseWeeklyHours(hours: OfficeHours): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < weekdays.length) {
    const current = hours.weekly[weekdays[i]];
    let j = i;
    while (j + 1 < weekdays.length && JSON.stringify(hours.weekly[weekdays[j + 1]]) === JSON.stringify(current)) j++;
    if (current) {
      const name = (d: Weekday) => d[0].toUpperCase() + d.slice(1);
      const days = i === j ? name(weekdays[i]) : `${name(weekdays[i])}–${name(weekdays[j])}`;
      const t = (hhmm: string) => formatTime(DateTime.fromFormat(hhmm, "HH:mm", { locale: "en-US" }));
      lines.push(`${days}, ${t(current.opens)}–${t(current.closes)} ${hours.zoneLabel}`);
    }
    i = j + 1;
  }
  return lines;
}
