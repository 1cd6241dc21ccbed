import { pageTitle } from "~/app/page-title";
import { Form, Link } from "react-router";
import type { Route } from "./+types/reports";
import { requireStaff } from "~/app/session.server";
import { BarChart } from "~/app/components/evidence-charts";
import { TableScroll } from "~/app/components/table-scroll";
import { staffReports } from "~/domains/evidence/staff-reports.server";
import { reportRangeFrom } from "./reports.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Reports", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const url = new URL(args.request.url);
  const { db, clock } = args.context.services;
  const range = reportRangeFrom(url, clock());
  const reports = await staffReports(db, range);
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
        csvHref={`/admin/reports.csv?${q}&table=growth`}
        rows={reports.growth.map((g) => ({ label: g.month, value: g.members, display: g.members.toLocaleString("en-US") }))}
      />
      <BarChart
        id="report-subscribers"
        title={`${totalSubscribers.toLocaleString("en-US")} newsletter subscribers confirmed from ${from} to ${to}`}
        xLabel="Subscribers confirmed"
        yLabel="Month"
        source="newsletter subscriptions, by month of confirmation"
        csvHref={`/admin/reports.csv?${q}&table=growth`}
        rows={reports.growth.map((g) => ({ label: g.month, value: g.subscribers, display: g.subscribers.toLocaleString("en-US") }))}
      />
      <BarChart
        id="report-applications"
        title="Applications received in the range, by where they stand now"
        xLabel="Applications"
        yLabel="Status"
        source="applications, by date received"
        csvHref={`/admin/reports.csv?${q}&table=applications`}
        rows={reports.applications.map((a) => ({ label: a.status, value: a.count, display: a.count.toLocaleString("en-US") }))}
      />
      <h2>Campaign actions by state and campaign</h2>
      <p>
        <a href={`/admin/reports.csv?${q}&table=actions`} download>
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
      <h2>Newsletters sent</h2>
      <p>
        <a href={`/admin/reports.csv?${q}&table=newsletters`} download>
          Download CSV
        </a>
      </p>
      {reports.newsletters.length ? (
        <TableScroll label="Newsletters sent in these dates and their results">
          <table>
            <thead>
              <tr>
                <th scope="col">Started sending</th>
                <th scope="col">Subject</th>
                <th scope="col">Sent</th>
                <th scope="col">Failed</th>
                <th scope="col">Bounced</th>
                <th scope="col">Complaints</th>
                <th scope="col">Unsubscribes</th>
              </tr>
            </thead>
            <tbody>
              {reports.newsletters.map((n) => (
                <tr key={`${n.day}/${n.subject}`}>
                  <td>{n.day}</td>
                  <td>{n.subject}</td>
                  <td>{n.sent.toLocaleString("en-US")}</td>
                  <td>{n.failed.toLocaleString("en-US")}</td>
                  <td>{n.bounced.toLocaleString("en-US")}</td>
                  <td>{n.complaints.toLocaleString("en-US")}</td>
                  <td>{n.unsubscribes.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>No newsletter was sent in these dates.</p>
      )}
      <BarChart
        id="report-mentorship"
        title={`${reports.mentorship.months.reduce((a, m) => a + m.requested, 0).toLocaleString("en-US")} members asked for a mentor from ${from} to ${to}; ${reports.mentorship.waitingNow.toLocaleString("en-US")} are waiting today`}
        xLabel="Members who asked for a mentor"
        yLabel="Month"
        source="mentor requests, by month asked; mentorships begun are in the CSV"
        csvHref={`/admin/reports.csv?${q}&table=mentorship`}
        rows={reports.mentorship.months.map((m) => ({ label: m.month, value: m.requested, display: `${m.requested.toLocaleString("en-US")} asked, ${m.begun.toLocaleString("en-US")} begun` }))}
      />
    </>
  );
}
