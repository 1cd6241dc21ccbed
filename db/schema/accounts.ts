// Tables of the accounts context: people, their roles, sign-in requests, sessions, the audit log.
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";

export const people = pgTable(
  "people",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    email: text("email").notNull().unique(),
    name: text("name").notNull().default(""),
    isDisabled: boolean("is_disabled").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** Hash of the single-use link that confirms deleting this account, and when it was asked for. */
    deletionTokenHash: text("deletion_token_hash").unique(),
    deletionRequestedAt: timestamp("deletion_requested_at", { withTimezone: true }),
    /**
     * Hash of the single-use link e-mailed to this address that signs it in (an applicant's
     * confirmation e-mail: opening it proves the address), and until when it works.
     */
    emailLinkHash: text("email_link_hash").unique(),
    emailLinkExpiresAt: timestamp("email_link_expires_at", { withTimezone: true }),
  },
  (t) => [index("people_created_at_idx").on(t.createdAt)],
);

export const personRoles = pgTable(
  "person_roles",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["member", "mentor", "staff", "admin"] }).notNull(),
    grantedBy: integer("granted_by").references(() => people.id, { onDelete: "set null" }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.role] })],
);

/** A request for a sign-in link: the link's token and the typed code are stored hashed. */
export const signInRequests = pgTable(
  "sign_in_requests",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    codeHash: text("code_hash").notNull(),
    /** Hash of the nonce kept in the asking browser's cookie: the link signs in only that browser. */
    browserHash: text("browser_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
  },
  (t) => [index("sign_in_requests_browser_idx").on(t.browserHash)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    tokenHash: text("token_hash").notNull().unique(),
    /** Secret of this session's forms (CSRF token), random per session. */
    csrfToken: text("csrf_token").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** Signed in by e-mail but the authenticator code is still due: the session grants nothing yet. */
    secondFactorPending: boolean("second_factor_pending").notNull().default(false),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/** Append-only: who did what, to what, when and from where. No code path updates or deletes a row. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** No foreign key: the log outlives the people in it, and a trigger refuses every UPDATE and DELETE. */
    actorId: integer("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_actor_idx").on(t.actorId), index("audit_log_action_idx").on(t.action)],
);

/** An authenticator app (TOTP, RFC 6238) as second factor, with single-use recovery codes (hashed). */
export const secondFactors = pgTable("second_factors", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  recoveryCodeHashes: jsonb("recovery_code_hashes").$type<string[]>().notNull().default([]),
  /** The last time step accepted, so a code cannot be replayed. */
  lastUsedStep: integer("last_used_step").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
