// Tables of the membership context: applications (private: the applicant and staff only).
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export type ExamRecord = { result: "passed" | "failed" | "not-taken" | "pending"; date: string | null };

export const applications = pgTable(
  "applications",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    zip: text("zip").notNull(),
    state: text("state"),
    /** Candidate congressional districts of the ZIP (e.g. ["NY-10", "NY-12"]; several when the ZIP is split). */
    districts: jsonb("districts").$type<string[]>().notNull().default([]),
    citizenship: text("citizenship", { enum: ["us-citizen", "permanent-resident", "other"] }).notNull(),
    degree: text("degree", { enum: ["MD", "DO", "IMG"] }).notNull(),
    schoolName: text("school_name").notNull(),
    schoolCountry: text("school_country").notNull(),
    graduationYear: integer("graduation_year").notNull(),
    exams: jsonb("exams").$type<Record<string, ExamRecord>>().notNull(),
    ecfmgCertified: text("ecfmg_certified", { enum: ["yes", "no", "pending"] }).notNull(),
    trainingStatus: text("training_status", { enum: ["never-started", "left-residency", "in-residency", "completed-residency"] }).notNull(),
    specialties: jsonb("specialties").$type<string[]>().notNull().default([]),
    workStates: jsonb("work_states").$type<string[]>().notNull().default([]),
    primaryCareUnderserved: boolean("primary_care_underserved").notNull(),
    consentStatistics: boolean("consent_statistics").notNull(),
    decision: text("decision", { enum: ["eligible", "needs-review", "ineligible"] }).notNull(),
    reasons: jsonb("reasons").$type<{ code: string; outcome: string; message: string }[]>().notNull().default([]),
    status: text("status", { enum: ["awaiting-review", "more-info-requested", "approved", "rejected", "ineligible"] }).notNull(),
    reviewNote: text("review_note"),
    /** Staff checked the documents the applicant described (none are stored). */
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedBy: text("verified_by"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    updateTokenHash: text("update_token_hash").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("applications_status_idx").on(t.status, t.id),
    index("applications_name_idx").on(t.name),
    // GiST rather than GIN: it also orders by word-similarity distance (KNN), so a search reads
    // only the closest matches instead of ranking every candidate (see docs/decisions/0010).
    index("applications_search_gist_idx").using("gist", sql`(${t.name} || ' ' || ${t.email} || ' ' || ${t.schoolName}) gist_trgm_ops`),
  ],
);

/** One year a member applied to residency: what it cost and how it ended (private to the member and staff). */
export const matchCycles = pgTable(
  "match_cycles",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    personId: integer("person_id").notNull(),
    year: integer("year").notNull(),
    specialties: jsonb("specialties").$type<string[]>().notNull().default([]),
    programmesApplied: integer("programmes_applied").notNull(),
    interviews: integer("interviews").notNull(),
    rankListSubmitted: boolean("rank_list_submitted").notNull(),
    outcome: text("outcome", { enum: ["matched", "matched-soap", "unmatched", "withdrew"] }).notNull(),
    amountSpent: integer("amount_spent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("match_cycles_person_year_idx").on(t.personId, t.year)],
);

/** A row-level problem found in an imported CSV file (row 1 is the header). */
export type ImportRowError = { row: number; column: string; message: string };

/**
 * A CSV import of applicants/members by staff: the uploaded file (dropped when finished), the
 * dry run's report, and the import's progress (one row, updated by the job batch by batch).
 */
export const memberImports = pgTable("member_imports", {
  id: serial("id").primaryKey(),
  publicId: text("public_id").notNull().unique(),
  fileName: text("file_name").notNull(),
  csv: text("csv"),
  status: text("status", { enum: ["checking", "checked", "importing", "done", "failed", "cancelled"] }).notNull(),
  totalRows: integer("total_rows").notNull().default(0),
  processedRows: integer("processed_rows").notNull().default(0),
  validRows: integer("valid_rows").notNull().default(0),
  errorRows: integer("error_rows").notNull().default(0),
  inserted: integer("inserted").notNull().default(0),
  updated: integer("updated").notNull().default(0),
  /** The first problems found (capped), row by row. */
  errors: jsonb("errors").$type<ImportRowError[]>().notNull().default([]),
  failure: text("failure"),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

/**
 * Answers sent for an address that already has an application, from a browser that did not prove
 * the address: they change the application only once the e-mailed link (hashed, single use,
 * expiring) is opened. The answers are kept as validated.
 */
export const pendingApplicationChanges = pgTable(
  "pending_application_changes",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    input: jsonb("input").$type<Record<string, unknown>>().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pending_application_changes_email_idx").on(t.email)],
);

/** A signed-in applicant's unfinished application form, as typed (not validated). One per person. */
export const applicationDrafts = pgTable("application_drafts", {
  id: serial("id").primaryKey(),
  personId: integer("person_id").notNull().unique(),
  values: jsonb("values").$type<Record<string, string>>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
