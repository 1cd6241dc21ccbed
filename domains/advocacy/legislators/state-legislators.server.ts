// Reads of the state legislators reference table, with staff corrections applied: a state's list,
// searchable by name or district.
import { asc, eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { legislatorOverrides, stateLegislators } from "~/db/schema/index";
import { withCorrection } from "./state-legislator-corrections.server";

export async function listStateLegislators(db: Executor, state: string, q?: string) {
  const rows = await db
    .select({ legislator: stateLegislators, fields: legislatorOverrides.fields })
    .from(stateLegislators)
    .leftJoin(legislatorOverrides, eq(legislatorOverrides.legislatorKey, stateLegislators.id))
    .where(eq(stateLegislators.state, state))
    .orderBy(asc(stateLegislators.chamber), asc(stateLegislators.district), asc(stateLegislators.name));
  const all = rows.map((r) => withCorrection(r.legislator, r.fields));
  return q ? searchStateList(all, q) : all;
}

/** A state's list narrowed to a name (any part, any case) or an exact district. A state has at most a few hundred members. */
export function searchStateList<T extends { name: string; district: string }>(rows: T[], q: string): T[] {
  const needle = q.trim().toLowerCase();
  return rows.filter((r) => r.name.toLowerCase().includes(needle) || r.district === q.trim());
}
