// Reads of the state legislators reference table, with staff corrections applied: a state's list,
// searchable by name or district.
import { and, asc, eq, ilike, or } from "drizzle-orm";
import type { Executor } from "../../db/client.server";
import { legislatorOverrides, stateLegislators } from "../../db/schema/index";
import { containsPattern } from "../../platform/search-pattern";
import { withCorrection } from "./state-legislator-corrections.server";
import type { StateCorrection } from "./state-legislator-corrections.server";

export async function listStateLegislators(db: Executor, state: string, q?: string) {
  const conditions = [eq(stateLegislators.state, state)];
  if (q) conditions.push(or(ilike(stateLegislators.name, containsPattern(q)), eq(stateLegislators.district, q))!);
  const rows = await db
    .select({ legislator: stateLegislators, fields: legislatorOverrides.fields })
    .from(stateLegislators)
    .leftJoin(legislatorOverrides, eq(legislatorOverrides.legislatorKey, stateLegislators.id))
    .where(and(...conditions))
    .orderBy(asc(stateLegislators.chamber), asc(stateLegislators.district), asc(stateLegislators.name));
  return rows.map((r) => withCorrection(r.legislator, r.fields as StateCorrection | null));
}
