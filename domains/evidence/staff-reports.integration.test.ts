// The staff reports against a small data set worked out by hand: two newsletters (one sent in the
// range, one before it) with their recipients and events, and mentor requests and mentorships over
// three months. Exact numbers: the reports are for staff.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~/db/client.server";
import { testEngines } from "~/tests/helpers/test-db";
import { staffReportCsv, staffReports } from "./staff-reports.server";

const range = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") };

describe.each(testEngines())("staff reports on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
    const { db } = handle;
    await db.execute(sql`insert into people (public_id, email, name) select 'p' || i, 'p' || i || '@example.org', 'Person ' || i from generate_series(1, 6) i`);
    await db.execute(sql`
      insert into newsletters (public_id, status, subject, markdown, audience, created_by, started_at, finished_at) values
        ('n-old', 'sent', 'December news', 'x', '{"parts":[{"kind":"subscribers"}]}', 'staff@example.org', '2025-12-10T15:00:00Z', '2025-12-10T15:10:00Z'),
        ('n-feb', 'sent', 'February news', 'x', '{"parts":[{"kind":"subscribers"}]}', 'staff@example.org', '2026-02-03T15:00:00Z', '2026-02-03T15:10:00Z')`);
    await db.execute(sql`
      insert into newsletter_recipients (newsletter_id, email, state)
      select n.id, 'r' || i || '@example.org', case when i <= 5 then 'sent' when i = 6 then 'failed' else 'skipped' end
      from newsletters n, generate_series(1, 7) i`);
    await db.execute(sql`
      insert into mail_events (kind, newsletter_id, email, source)
      select kind, n.id, e, 'webhook' from newsletters n, (values ('hard-bounce', 'r1@example.org'), ('complaint', 'r2@example.org'), ('unsubscribe', 'r3@example.org'), ('unsubscribe', 'r4@example.org')) v(kind, e)
      where n.public_id = 'n-feb'`);
    await db.execute(sql`
      insert into mentee_requests (public_id, person_id, name, goals, status, waiting_since, created_at)
      select 'q' || p.id, p.id, p.name, 'A match next cycle', s.status, s.at::timestamptz, s.at::timestamptz
      from people p join (values ('p1', 'waiting', '2026-01-05T00:00:00Z'), ('p2', 'waiting', '2026-01-20T00:00:00Z'), ('p3', 'matched', '2026-01-25T00:00:00Z'),
        ('p4', 'matched', '2026-03-02T00:00:00Z'), ('p5', 'waiting', '2025-11-02T00:00:00Z'), ('p6', 'withdrawn', '2026-02-14T00:00:00Z')) s(pid, status, at) on p.public_id = s.pid`);
    await db.execute(sql`
      insert into mentors (public_id, person_id, name, specialty, board_certified, practice_setting, years_in_practice, selection_committee, capacity, status)
      select 'm1', id, 'Dr. Mentor', 'Family medicine', true, 'community', 12, false, 3, 'approved' from people where public_id = 'p6'`);
    await db.execute(sql`
      insert into mentorships (public_id, request_id, mentor_id, mentee_person_id, status, respond_by, accepted_at)
      select 's' || p.public_id, r.id, m.id, p.id, 'active', '2026-04-01T00:00:00Z', a.at::timestamptz
      from people p join (values ('p3', '2026-02-02T00:00:00Z'), ('p4', '2026-03-10T00:00:00Z')) a(pid, at) on p.public_id = a.pid
      join mentee_requests r on r.person_id = p.id, mentors m`);
  });
  afterAll(async () => handle?.close());

  it("lists each newsletter that began sending in the range with its results", async () => {
    const reports = await staffReports(handle.db, range);
    expect(reports.newsletters).toEqual([{ subject: "February news", day: "2026-02-03", sent: 5, failed: 1, bounced: 1, complaints: 1, unsubscribes: 2 }]);
    expect(staffReportCsv(reports, "newsletters")).toEqual([
      ["started sending", "subject", "sent", "failed", "bounced", "complaints", "unsubscribes"],
      ["2026-02-03", "February news", 5, 1, 1, 1, 2],
    ]);
  });

  it("counts mentor requests and mentorships begun by month, and the waiting list today", async () => {
    const reports = await staffReports(handle.db, range);
    expect(reports.mentorship.months).toEqual([
      { month: "2026-01", requested: 3, begun: 0 },
      { month: "2026-02", requested: 1, begun: 1 },
      { month: "2026-03", requested: 1, begun: 1 },
    ]);
    expect(reports.mentorship.waitingNow).toBe(3);
  });
});
