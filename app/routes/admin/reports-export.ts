import type { Route } from "./+types/reports-export";
import { actorOf, requireStaff } from "~/app/session.server";
import { type StaffReportTable, staffReportCsv, staffReportTables, staffReports } from "~/domains/evidence/staff-reports.server";
import { recordAudit } from "~/platform/audit.server";
import { toCsv } from "~/platform/csv";
import { reportRangeFrom } from "./reports.server";

// One staff report as CSV: /admin/reports.csv?table=growth|applications|actions&from=…&to=… (exact numbers).
export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const url = new URL(args.request.url);
  const table = url.searchParams.get("table") ?? "";
  if (!(staffReportTables as readonly string[]).includes(table)) throw new Response("Not found", { status: 404 });
  const { db, clock } = args.context.services;
  const range = reportRangeFrom(url, clock());
  await recordAudit(db, actorOf(viewer, args.context), { action: "report.export", subjectType: "report", subjectId: table, details: { from: range.fromText, to: range.toText } });
  const reports = await staffReports(db, range);
  return new Response(toCsv(staffReportCsv(reports, table as StaffReportTable)), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="amg-${table}-${range.fromText}-${range.toText}.csv"`, "Cache-Control": "no-store" },
  });
}
