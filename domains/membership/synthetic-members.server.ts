// Synthetic applicants and members for benchmarks and demos: clearly marked (names "Synthetic
// Member N", addresses @synthetic.example), generated in the database in one statement per batch.
// Never part of the starter content.
import { sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";

export async function seedSyntheticMembers(db: Executor, count: number, batch = 20_000): Promise<number> {
  const result = (await db.execute(sql`select coalesce(max(id), 0)::int as start from applications`)) as unknown as { rows: { start: number }[] };
  const start = result.rows[0].start;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.execute(sql`
      insert into applications (public_id, email, name, zip, state, citizenship, degree, school_name, school_country, graduation_year,
        exams, ecfmg_certified, training_status, specialties, work_states, primary_care_underserved, consent_statistics,
        decision, reasons, status, created_at, updated_at)
      select 'syn-a-' || (${start}::int + g), 'member' || (${start}::int + g) || '@synthetic.example',
        'Synthetic Member ' || (array['Ada','Ben','Carla','Dev','Esi','Farid','Grace','Hugo','Ines','Jun'])[1 + g % 10] || ' ' || (${start}::int + g),
        lpad((10001 + (g * 37) % 89000)::text, 5, '0'),
        (array['NY','CA','TX','FL','IL','PA','OH','GA','NC','MI','NJ','VA','WA','AZ','MA'])[1 + g % 15],
        (array['us-citizen','us-citizen','permanent-resident'])[1 + g % 3],
        (array['MD','DO','IMG','IMG'])[1 + g % 4],
        (array['SUNY Upstate Medical University','Ross University School of Medicine','St. George''s University','Lake Erie College of Osteopathic Medicine','American University of the Caribbean','Howard University College of Medicine','Saba University School of Medicine','Touro College of Osteopathic Medicine'])[1 + g % 8],
        case when g % 4 >= 2 then 'Grenada' else 'United States' end,
        2005 + g % 20,
        '{"step1":{"result":"passed","date":null},"step2ck":{"result":"passed","date":null}}'::jsonb,
        case when g % 4 >= 2 then 'yes' else 'no' end,
        (array['never-started','never-started','left-residency'])[1 + g % 3],
        '["Family medicine"]'::jsonb, '["NY"]'::jsonb, g % 5 <> 0, g % 7 <> 0,
        'eligible', '[]'::jsonb,
        (array['approved','approved','approved','awaiting-review','rejected'])[1 + g % 5],
        now() - (g || ' minutes')::interval, now()
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`analyze applications`);
  return count;
}
