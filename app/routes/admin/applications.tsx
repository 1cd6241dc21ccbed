import { Form, Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/applications";
import { formatCount, formatDateTime, positiveInt } from "~/app/format";
import { requireStaff } from "~/app/session.server";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { searchDirectory } from "~/domains/membership/directory.server";
import type { DirectoryFilter } from "~/domains/membership/directory.server";
import { applicationStatuses, decisionLabels, degreeShortLabels, ecfmgLabels, examKeys, examLabels, examResultLabels, labelOf, statusLabels } from "~/domains/membership/labels";
import { DataTable } from "~/app/components/data-table";
import type { Column } from "~/app/components/data-table";

/** Beyond this page a directory of 120,000 people has nothing: the number is a typo or a probe. */
const maxPage = 100_000;
const nonNegativeInt = (value: string | null) => (value && /^\d{1,3}$/.test(value.trim()) ? Number(value) : undefined);

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Applications and members", "staff")];

const pageSize = 50;

const examResults = ["passed", "not-passed", "failed", "pending", "not-taken"] as const;
const pick = <T extends string>(options: readonly T[], value: string | null): T | undefined => options.find((o) => o === value);

/** The directory's filter from the query string (shared with the CSV export); `now` turns years since graduation into graduation years. */
export function directoryFilterFrom(params: URLSearchParams, now: Date): DirectoryFilter {
  const statusParam = params.get("status") ?? "awaiting-review";
  const degree = params.get("degree");
  const sort = params.get("sort");
  const state = params.get("state")?.toUpperCase();
  const exam = pick(examKeys, params.get("exam"));
  const result = pick(examResults, params.get("result")) ?? "passed";
  const year = now.getUTCFullYear();
  const atLeast = nonNegativeInt(params.get("since_min"));
  const atMost = nonNegativeInt(params.get("since_max"));
  const bounded = (a: number | undefined, b: number | undefined, keep: (x: number, y: number) => number) => (a === undefined ? b : b === undefined ? a : keep(a, b));
  const verified = params.get("verified");
  return {
    exam: exam ? { key: exam, result } : undefined,
    ecfmg: pick(["yes", "no", "pending"] as const, params.get("ecfmg")),
    specialty: params.get("specialty")?.trim().slice(0, 60) || undefined,
    verified: verified === "yes" ? true : verified === "no" ? false : undefined,
    q: params.get("q")?.trim().slice(0, 100) || undefined,
    status: applicationStatuses.find((s) => s === statusParam),
    state: state && state in stateNames ? state : undefined,
    district: /^[A-Z]{2}-\d{1,2}$/.test(params.get("district")?.toUpperCase() ?? "") ? params.get("district")!.toUpperCase() : undefined,
    degree: degree === "MD" || degree === "DO" || degree === "IMG" ? degree : undefined,
    graduatedFrom: bounded(positiveInt(params.get("from"), 9999), atMost === undefined ? undefined : year - atMost, Math.max),
    graduatedTo: bounded(positiveInt(params.get("to"), 9999), atLeast === undefined ? undefined : year - atLeast, Math.min),
    sort: sort === "name" || sort === "graduation" ? sort : "received",
  };
}

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const params = new URL(args.request.url).searchParams;
  const filter = directoryFilterFrom(params, args.context.services.clock());
  const page = positiveInt(params.get("page"), maxPage) ?? 1;
  const { rows, total } = await searchDirectory(args.context.services.db, filter, { offset: (page - 1) * pageSize, limit: pageSize });
  const query = Object.fromEntries([...params.entries()].filter(([k]) => k !== "page"));
  const pages = total === null ? (rows.length === pageSize ? page + 1 : page) : Math.max(1, Math.ceil(total / pageSize));
  return { rows, total, page, pages, query, status: params.get("status") ?? "awaiting-review" };
}

type Row = Route.ComponentProps["loaderData"]["rows"][number];

const applicationColumns: Column<Row>[] = [
  { key: "received", header: "Received", sortable: true, cell: (a) => formatDateTime(a.createdAt) },
  {
    key: "name",
    header: "Name",
    sortable: true,
    cell: (a) => (
      <>
        <Link to={`/admin/applications/${a.publicId}`}>{a.name}</Link>
        <br />
        <span className="hint">
          {a.email}
          {a.state ? `, ${a.state}` : ""}
        </span>
      </>
    ),
  },
  { key: "graduation", header: "School, year", sortable: true, cell: (a) => `${labelOf(degreeShortLabels, a.degree)}, ${a.schoolName}, ${a.graduationYear}` },
  { key: "decision", header: "Rules say", cell: (a) => labelOf(decisionLabels, a.decision) },
  { key: "status", header: "Status", cell: (a) => labelOf(statusLabels, a.status) },
];

export default function Applications({ loaderData }: Route.ComponentProps) {
  const { rows, total, page, pages, query, status } = loaderData;
  const filterSort = query.sort === "name" || query.sort === "graduation" ? query.sort : "received";
  return (
    <>
      <h1>Applications and members</h1>
      <Form method="get" className="filter-bar" role="search">
        <label>
          Search <input type="search" name="q" defaultValue={query.q} placeholder="name, e-mail or school" />
        </label>
        <label>
          Status
          <select name="status" defaultValue={status}>
            <option value="all">All</option>
            {applicationStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          State <input name="state" defaultValue={query.state} size={3} maxLength={2} />
        </label>
        <label>
          District <input name="district" defaultValue={query.district} size={6} placeholder="NY-22" />
        </label>
        <label>
          Degree
          <select name="degree" defaultValue={query.degree ?? ""}>
            <option value="">Any</option>
            {(["MD", "DO", "IMG"] as const).map((d) => (
              <option key={d} value={d}>
                {degreeShortLabels[d]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Graduated from <input name="from" defaultValue={query.from} size={5} inputMode="numeric" />
        </label>
        <label>
          to <input name="to" defaultValue={query.to} size={5} inputMode="numeric" />
        </label>
        <details className="more-filters" open={["exam", "ecfmg", "specialty", "since_min", "since_max", "verified"].some((k) => query[k])}>
          <summary>More filters</summary>
          <label>
            Exam
            <select name="exam" defaultValue={query.exam ?? ""}>
              <option value="">Any</option>
              {examKeys.map((k) => (
                <option key={k} value={k}>
                  {examLabels[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Result
            <select name="result" defaultValue={query.result ?? "passed"}>
              <option value="passed">{examResultLabels.passed}</option>
              <option value="not-passed">Not passed</option>
              <option value="failed">{examResultLabels.failed}</option>
              <option value="pending">{examResultLabels.pending}</option>
              <option value="not-taken">{examResultLabels["not-taken"]}</option>
            </select>
          </label>
          <label>
            ECFMG
            <select name="ecfmg" defaultValue={query.ecfmg ?? ""}>
              <option value="">Any</option>
              <option value="yes">{ecfmgLabels.yes}</option>
              <option value="pending">{ecfmgLabels.pending}</option>
              <option value="no">{ecfmgLabels.no}</option>
            </select>
          </label>
          <label>
            Specialty <input name="specialty" defaultValue={query.specialty} size={14} placeholder="Family medicine" />
          </label>
          <label>
            Years since graduation, from <input name="since_min" defaultValue={query.since_min} size={3} inputMode="numeric" />
          </label>
          <label>
            to <input name="since_max" defaultValue={query.since_max} size={3} inputMode="numeric" />
          </label>
          <label>
            Documents
            <select name="verified" defaultValue={query.verified ?? ""}>
              <option value="">Any</option>
              <option value="yes">Verified</option>
              <option value="no">Not verified</option>
            </select>
          </label>
        </details>
        <label>
          Sort
          <select name="sort" defaultValue={query.sort ?? "received"}>
            <option value="received">Newest first</option>
            <option value="name">Name</option>
            <option value="graduation">Graduation year</option>
          </select>
        </label>
        <button type="submit">Filter</button>
        <a className="button button-secondary" href={`/admin/applications.csv?${new URLSearchParams(query)}`} download>
          Export CSV
        </a>
        <a className="button button-secondary" href="/admin/applications/import">
          Import CSV
        </a>
      </Form>
      <p>{total === null ? "Closest matches first; small typos are forgiven." : `${formatCount(total)} matching`}</p>
      <DataTable
        caption="Applications and members"
        columns={applicationColumns}
        rows={rows}
        rowKey={(a) => a.publicId}
        query={query}
        sort={{ by: filterSort, direction: filterSort === "received" ? "desc" : "asc" }}
        empty="No applications match."
        paging={{ kind: "pages", page, pages }}
      />
    </>
  );
}
