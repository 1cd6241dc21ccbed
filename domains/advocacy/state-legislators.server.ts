// Reads of the state legislators reference table: a state's list, searchable by name or district.
import { and, asc, eq, ilike, or } from "drizzle-orm";
import type { Executor } from "../../db/client.server";
import { stateLegislators } from "../../db/schema/index";
import { containsPattern } from "../../platform/search-pattern";

export async function listStateLegislators(db: Executor, state: string, q?: string) {
  const conditions = [eq(stateLegislators.state, state)];
  if (q) conditions.push(or(ilike(stateLegislators.name, containsPattern(q)), eq(stateLegislators.district, q))!);
  return db
    .select()
    .from(stateLegislators)
    .where(and(...conditions))
    .orderBy(asc(stateLegislators.chamber), asc(stateLegislators.district), asc(stateLegislators.name));
}
