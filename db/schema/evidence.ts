// Tables of the evidence context: the public data sets staff replace (the NRMP match figures), each
// upload kept so the previous version can be read back.
import { index, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** One uploaded version of a data set; the newest of a name is the one published. */
export const evidenceDatasets = pgTable(
  "evidence_datasets",
  {
    id: serial("id").primaryKey(),
    name: text("name", { enum: ["nrmp-match"] }).notNull(),
    csv: text("csv").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evidence_datasets_name_idx").on(t.name, t.id)],
);
