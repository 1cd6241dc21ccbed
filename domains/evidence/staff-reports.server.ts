// Staff reports: exact numbers (suppression applies to public output only) over a date range,
// gathered from the contexts that own them; each table also as CSV rows.
import type { Executor } from "~/db/client.server";
import { campaignActionsReport } from "~/domains/advocacy/place-advocacy.server";
import { newsletterResultsBetween } from "~/domains/email/newsletters/newsletter-reports.server";
import { subscriberGrowth } from "~/domains/email/subscriber-report.server";
import { membershipReport } from "~/domains/membership/member-statistics.server";
import { mentorshipWaitingReport } from "~/domains/mentorship/queries.server";

export type ReportRange = { from: Date; to: Date };

const statusWords: Record<string, string> = {
  "awaiting-review": "Awaiting review",
  "more-info-requested": "More information requested",
  approved: "Approved",
  rejected: "Rejected",
  ineligible: "Not eligible",
};

/** Every month from the range's start to its end, as YYYY-MM. */
export function monthsOf(range: ReportRange): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(range.from.getUTCFullYear(), range.from.getUTCMonth(), 1));
  while (d < range.to && out.length < 240) {
    out.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

export async function staffReports(db: Executor, range: ReportRange) {
  const [membership, subscribers, actions, newsletters, mentorship] = await Promise.all([
    membershipReport(db, range.from, range.to),
    subscriberGrowth(db, range.from, range.to),
    campaignActionsReport(db, range.from, range.to),
    newsletterResultsBetween(db, range.from, range.to),
    mentorshipWaitingReport(db, range.from, range.to),
  ]);
  const months = monthsOf(range);
  const of = (rows: { month: string; count: number }[], m: string) => rows.find((r) => r.month === m)?.count ?? 0;
  return {
    growth: months.map((month) => ({ month, members: of(membership.approvedByMonth, month), subscribers: of(subscribers, month) })),
    applications: membership.applicationsByStatus.map((r) => ({ status: statusWords[r.status] ?? r.status, count: r.count })),
    actions,
    newsletters,
    mentorship,
  };
}

export type StaffReports = Awaited<ReturnType<typeof staffReports>>;
export const staffReportTables = ["growth", "applications", "actions", "newsletters", "mentorship"] as const;
export type StaffReportTable = (typeof staffReportTables)[number];

/** A report table as CSV rows, header first. */
export function staffReportCsv(reports: StaffReports, table: StaffReportTable): (string | number)[][] {
  if (table === "growth") return [["month", "members approved", "subscribers confirmed"], ...reports.growth.map((g) => [g.month, g.members, g.subscribers])];
  if (table === "applications") return [["status", "applications received"], ...reports.applications.map((a) => [a.status, a.count])];
  if (table === "newsletters")
    return [
      ["started sending", "subject", "sent", "failed", "bounced", "complaints", "unsubscribes"],
      ...reports.newsletters.map((n) => [n.day, n.subject, n.sent, n.failed, n.bounced, n.complaints, n.unsubscribes]),
    ];
  if (table === "mentorship") return [["month", "asked for a mentor", "mentorships begun"], ...reports.mentorship.months.map((m) => [m.month, m.requested, m.begun])];
  return [["state", "campaign", "actions"], ...reports.actions.map((a) => [a.state, a.campaign, a.actions])];
}
