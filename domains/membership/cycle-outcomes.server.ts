// Members' match-cycle outcomes for other contexts' statistics (mentorship's dashboard compares the
// mentored with the rest): person, year and outcome only, never the other answers.
import type { Executor } from "~/db/client.server";
import { matchCycles } from "~/db/schema/index";

export type CycleOutcome = { personId: number; year: number; outcome: "matched" | "matched-soap" | "unmatched" | "withdrew" };

export async function listCycleOutcomes(db: Executor): Promise<CycleOutcome[]> {
  return db.select({ personId: matchCycles.personId, year: matchCycles.year, outcome: matchCycles.outcome }).from(matchCycles);
}
