// The state law tracker: collaborative-practice / assistant-physician licences for medical
// graduates, per state. Seeded from data/facts/state-pathways.csv; every other state starts as
// "no law found". What a person from a state is asked to do follows from its status.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { asc, count, eq } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { statePathways } from "~/db/schema/index";
import { appPath } from "~/platform/app-root";
import { hasNoSenators, stateNames } from "~/domains/advocacy/legislators/states";

export type PathwayStatus = "law-in-force" | "bill-pending" | "none";

export async function seedStatePathways(db: Database, csvPath = appPath("data", "facts", "state-pathways.csv")): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(statePathways);
  if (n > 0) return false;
  const rows = parse(readFileSync(csvPath, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const known = new Map(
    rows.map((r) => [
      r.state,
      {
        state: r.state,
        status: (r.status === "law in force" ? "law-in-force" : r.status === "bill pending" ? "bill-pending" : "none") as PathwayStatus,
        law: r.law,
        year: r.year ? Number.parseInt(r.year, 10) : null,
        licenceTitle: r.licence_title,
        requirements: r.requirements,
        practiceRules: r.practice_rules,
        sources: r.sources,
      },
    ]),
  );
  const states = Object.keys(stateNames).filter((s) => !hasNoSenators(s) || s === "DC");
  await db.insert(statePathways).values(states.map((state) => known.get(state) ?? { state, status: "none" as const }));
  return true;
}

export async function listStatePathways(db: Executor) {
  const rows = await db.select().from(statePathways).orderBy(asc(statePathways.state));
  return rows.map((r) => ({ ...r, stateName: stateNames[r.state] ?? r.state, ask: askFor(r) }));
}

/** What AMG asks a person from this state to do. */
export function askFor(p: { status: PathwayStatus; law: string; licenceTitle: string }): string {
  if (p.status === "law-in-force") return `Use the existing licence (${p.licenceTitle || "see the law"}), and ask legislators to widen it.`;
  if (p.status === "bill-pending") return `Ask your state legislators to pass ${p.law || "the pending bill"}.`;
  return "Ask your state legislators to introduce a collaborative-practice bill for medical graduates.";
}

/** The same ask, addressed to a legislator of that state (the {{state_ask}} of a letter). */
export function letterAskFor(p: { state: string; status: PathwayStatus; law: string; licenceTitle: string }): string {
  const name = stateNames[p.state] ?? p.state;
  if (p.status === "law-in-force")
    return `${name} already licenses these graduates${p.law ? ` under ${p.law}` : ""}${p.licenceTitle ? ` (${p.licenceTitle})` : ""}. Please protect that licence and widen it, so that more graduates can use it to care for patients here.`;
  if (p.status === "bill-pending") return `Please support ${p.law || "the collaborative-practice bill now before the legislature"}, and help bring it to a vote.`;
  return `Please introduce or cosponsor a bill to license medical graduates for collaborative practice in ${name}, as other states have done.`;
}

export async function findStatePathway(db: Executor, state: string) {
  const [row] = await db.select().from(statePathways).where(eq(statePathways.state, state)).limit(1);
  return row ?? null;
}
