import { Form, Link } from "react-router";
import type { Route } from "./+types/reports";
import { requireStaff } from "~/app/session.server";
import { BarChart } from "~/app/components/evidence-charts";
import { TableScroll } from "~/app/components/table-scroll";
import { type StaffReportTable, staffReportCsv, staffReportTables, staffReports } from "~/domains/evidence/staff-reports.server";
import { toCsv } from "~/platform/csv";

export const meta: Route.MetaFunction = () => [{ title: "Reports — AMG staff" }];

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The range from the query (YYYY-MM-DD, end included), or the last twelve months; never longer than ten years. */
function rangeFrom(url: URL, now: Date) {
  const to = url.searchParams.get("to") ?? "";
  const from = url.searchParams.get("from") ?? "";
  const end = isoDate.test(to) && !Number.isNaN(Date.parse(to)) ? new Date(`${to}T00:00:00Z`) : new Date(`${dayOf(now)}T00:00:00Z`);
  const defaultStart = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), 1));
  let start = isoDate.test(from) && !Number.isNaN(Date.parse(from)) ? new Date(`${from}T00:00:00Z`) : defaultStart;
  if (start > end) start = defaultStart;
  if (end.getTime() - start.getTime() > 10 * 366 * 86_400_000) start = new Date(end.getTime() - 10 * 366 * 86_400_000);
  return { from: start, to: new Date(end.getTime() + 86_400_000), fromText: dayOf(start), toText: dayOf(end) };
}

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const url = new URL(args.request.url);
  const { db, clock } = args.context.services;
  const range = rangeFrom(url, clock());
  const reports = await staffReports(db, range);
  const csv = url.searchParams.get("csv");
  if (csv !== null) {
    if (!(staffReportTables as readonly string[]).includes(csv)) throw new Response("Not found", { status: 404 });
    return new Response(toCsv(staffReportCsv(reports, csv as StaffReportTable)), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="amg-${csv}-${range.fromText}-${range.toText}.csv"`, "Cache-Control": "no-store" },
    });
  }
  return { reports, from: range.fromText, to: range.toText };
}

export default function Reports({ loaderData }: Route.ComponentProps) {
  const { reports, from, to } = loaderData;
  const q = `from=${from}&to=${to}`;
  const totalMembers = reports.growth.reduce((a, g) => a + g.members, 0);
  const totalSubscribers = reports.growth.reduce((a, g) => a + g.subscribers, 0);
  return (
    <>
      <h1>Reports</h1>
      <p className="lead">Exact numbers for staff, over the dates you choose. The public pages show the same data with small counts withheld.</p>
      <p>
        <Link to="/admin/reports/nrmp-match">NRMP match figures on the numbers page</Link>
      </p>
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="report-from">From</label>
          <input id="report-from" type="date" name="from" defaultValue={from} />
        </div>
        <div className="field">
          <label htmlFor="report-to">To (included)</label>
          <input id="report-to" type="date" name="to" defaultValue={to} />
        </div>
        <button type="submit">Show</button>
      </Form>
      <BarChart
        id="report-members"
        title={`${totalMembers.toLocaleString("en-US")} members approved from ${from} to ${to}`}
        xLabel="Members approved"
        yLabel="Month"
        source="applications approved by staff, by month of approval"
        csvHref={`/admin/reports?${q}&csv=growth`}
        rows={reports.growth.map((g) => ({ label: g.month, value: g.members, display: g.members.toLocaleString("en-US") }))}
      />
      <BarChart
        id="report-subscribers"
        title={`${totalSubscribers.toLocaleString("en-US")} newsletter subscribers confirmed from ${from} to ${to}`}
        xLabel="Subscribers confirmed"
        yLabel="Month"
        source="newsletter subscriptions, by month of confirmation"
        csvHref={`/admin/reports?${q}&csv=growth`}
        rows={reports.growth.map((g) => ({ label: g.month, value: g.subscribers, display: g.subscribers.toLocaleString("en-US") }))}
      />
      <BarChart
        id="report-applications"
        title="Applications received in the range, by where they stand now"
        xLabel="Applications"
        yLabel="Status"
        source="applications, by date received"
        csvHref={`/admin/reports?${q}&csv=applications`}
        rows={reports.applications.map((a) => ({ label: a.status, value: a.count, display: a.count.toLocaleString("en-US") }))}
      />
      <h2>Campaign actions by state and campaign</h2>
      <p>
        <a href={`/admin/reports?${q}&csv=actions`} download>
          Download CSV
        </a>
      </p>
      {reports.actions.length ? (
        <TableScroll label="Campaign actions by state and campaign">
          <table>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Campaign</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {reports.actions.map((a) => (
                <tr key={`${a.state}/${a.campaign}`}>
                  <td>{a.state}</td>
                  <td>{a.campaign}</td>
                  <td>{a.actions.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>No campaign actions in these dates.</p>
      )}
    </>
  );
}
