// The NRMP match figures the numbers page charts: the newest version staff uploaded, or the file
// shipped in data/facts/nrmp-match.csv until they do. Every upload is checked (nrmp-match.ts) and
// kept, so the previous version can be read back and restored.
import { readFileSync } from "node:fs";
import { desc, eq } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { evidenceDatasets } from "~/db/schema/index";
import { appPath } from "~/platform/app-root";
import { type Actor, recordAudit } from "~/platform/audit.server";
import { announceContentChanged } from "~/domains/site/content-changed.server";
import { type NrmpProblem, type NrmpRow, parseNrmpCsv } from "./nrmp-match";

const shippedCsv = () => readFileSync(appPath("data", "facts", "nrmp-match.csv"), "utf8");

/** The CSV published now, its rows, and when staff uploaded it (null: the shipped file). */
export async function currentNrmpDataset(db: Executor): Promise<{ csv: string; rows: NrmpRow[]; uploadedAt: string | null }> {
  const [row] = await db.select().from(evidenceDatasets).where(eq(evidenceDatasets.name, "nrmp-match")).orderBy(desc(evidenceDatasets.id)).limit(1);
  const csv = row?.csv ?? shippedCsv();
  const parsed = parseNrmpCsv(csv);
  return { csv, rows: parsed.ok ? parsed.rows : [], uploadedAt: row ? row.createdAt.toISOString() : null };
}

/** The versions staff uploaded, newest first (without their text). */
export async function listNrmpVersions(db: Executor) {
  return db
    .select({ id: evidenceDatasets.id, uploadedBy: evidenceDatasets.uploadedBy, createdAt: evidenceDatasets.createdAt })
    .from(evidenceDatasets)
    .where(eq(evidenceDatasets.name, "nrmp-match"))
    .orderBy(desc(evidenceDatasets.id))
    .limit(50);
}

/** One uploaded version's text (to download it again), or null. */
export async function findNrmpVersion(db: Executor, id: number): Promise<string | null> {
  const [row] = await db.select({ csv: evidenceDatasets.csv }).from(evidenceDatasets).where(eq(evidenceDatasets.id, id)).limit(1);
  return row?.csv ?? null;
}

/** Checks and publishes a new version; the previous ones stay. Problems come back row by row. */
export async function replaceNrmpDataset(db: Database, actor: Actor, csv: string, now: Date): Promise<{ ok: true; rows: number } | { ok: false; problems: NrmpProblem[] }> {
  const parsed = parseNrmpCsv(csv);
  if (!parsed.ok) return parsed;
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(evidenceDatasets).values({ name: "nrmp-match", csv, uploadedBy: actor.email, createdAt: now }).returning({ id: evidenceDatasets.id });
    await recordAudit(tx, actor, { action: "evidence.replace-nrmp", subjectType: "dataset", subjectId: String(row.id), details: { rows: parsed.rows.length } });
    // Cached public pages (the numbers page) are cleared in every process.
    await announceContentChanged(tx, "evidence");
  });
  return { ok: true, rows: parsed.rows.length };
}
