import { Form, Link } from "react-router";
import type { Route } from "./+types/applications";
import { OlderLink } from "../../components/older-link";
import { formatDateTime, positiveInt } from "../../format";
import { requireStaff } from "../../session.server";
import { applicationStatuses } from "../../../domains/membership/membership.schema";
import { listApplications } from "../../../domains/membership/review-application.server";

export const meta: Route.MetaFunction = () => [{ title: "Applications — AMG staff" }];

const statusLabel = { "awaiting-review": "Waiting for review", "more-info-requested": "More information asked", approved: "Approved", rejected: "Rejected", ineligible: "Ineligible (automatic)" } as const;

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const status = applicationStatuses.find((s) => s === (params.get("status") ?? "awaiting-review"));
  const rows = await listApplications(args.context.services.db, { status, beforeId: positiveInt(params.get("before")), limit: 51 });
  return { rows: rows.slice(0, 50), nextBefore: rows.length > 50 ? rows[49].id : null, status: status ?? "" };
}

export default function Applications({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Applications</h1>
      <Form method="get" className="filter-bar">
        <label>
          Status
          <select name="status" defaultValue={loaderData.status}>
            {applicationStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </Form>
      {loaderData.rows.length === 0 ? <p>No applications here.</p> : null}
      <table className="data-table">
        <caption className="visually-hidden">Membership applications, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Applicant</th>
            <th scope="col">Degree, year</th>
            <th scope="col">Rules say</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.rows.map((a) => (
            <tr key={a.publicId}>
              <td>{formatDateTime(a.createdAt)}</td>
              <td>
                <Link to={`/admin/applications/${a.publicId}`}>{a.name}</Link>
                {a.state ? <span className="hint"> ({a.state})</span> : null}
              </td>
              <td>
                {a.degree}, {a.graduationYear}
              </td>
              <td>{a.decision === "eligible" ? "Eligible" : a.decision === "needs-review" ? "Needs review" : "Ineligible"}</td>
              <td>{statusLabel[a.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <OlderLink before={loaderData.nextBefore} params={{ status: loaderData.status }} label="Older applications" />
    </>
  );
}
