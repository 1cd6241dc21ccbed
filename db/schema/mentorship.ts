// Tables of the mentorship context: mentors, mentees' requests, matching rounds and their
// proposals, mentorships with their meeting log and feedback, and the matching settings.
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { people } from "./accounts";

/** A volunteer's answers, as the public form sends them (also kept while the address is unproven). */
export type MentorDetails = {
  name: string;
  specialty: string;
  boardCertified: boolean;
  licenceStates: string[];
  practiceSetting: "academic" | "community" | "rural" | "underserved";
  yearsInPractice: number;
  selectionCommittee: boolean;
  languages: string[];
  topics: string[];
  capacity: number;
  availability: string[];
};

/** A volunteer application sent from /mentors, held until the address is proven by its link (decision 0012). */
export const heldMentorApplications = pgTable("held_mentor_applications", {
  id: serial("id").primaryKey(),
  email: text("email").notNull(),
  details: jsonb("details").$type<MentorDetails>().notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A mentor: one per person, created when their address is proven; staff approve before any match. */
export const mentors = pgTable(
  "mentors",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    personId: integer("person_id")
      .notNull()
      .unique()
      .references(() => people.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    specialty: text("specialty").notNull(),
    boardCertified: boolean("board_certified").notNull(),
    licenceStates: jsonb("licence_states").$type<string[]>().notNull().default([]),
    practiceSetting: text("practice_setting", { enum: ["academic", "community", "rural", "underserved"] }).notNull(),
    yearsInPractice: integer("years_in_practice").notNull(),
    selectionCommittee: boolean("selection_committee").notNull(),
    languages: jsonb("languages").$type<string[]>().notNull().default([]),
    topics: jsonb("topics").$type<string[]>().notNull().default([]),
    capacity: integer("capacity").notNull(),
    availability: jsonb("availability").$type<string[]>().notNull().default([]),
    status: text("status", { enum: ["awaiting-approval", "approved", "declined"] })
      .notNull()
      .default("awaiting-approval"),
    pausedByStaff: boolean("paused_by_staff").notNull().default(false),
    pausedBySelf: boolean("paused_by_self").notNull().default(false),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mentors_status_idx").on(t.status)],
);

/** A member's request for a mentor. `waitingSince` is their place in line: kept when a proposal falls through. */
export const menteeRequests = pgTable(
  "mentee_requests",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    goals: text("goals").notNull(),
    topics: jsonb("topics").$type<string[]>().notNull().default([]),
    targetSpecialties: jsonb("target_specialties").$type<string[]>().notNull().default([]),
    preferredStates: jsonb("preferred_states").$type<string[]>().notNull().default([]),
    language: text("language").notNull().default("English"),
    availability: jsonb("availability").$type<string[]>().notNull().default([]),
    practiceSettings: jsonb("practice_settings").$type<string[]>().notNull().default([]),
    /** Mentor ids (mentors.id) never to be proposed. */
    avoidMentorIds: jsonb("avoid_mentor_ids").$type<number[]>().notNull().default([]),
    status: text("status", { enum: ["waiting", "introduced", "matched", "withdrawn"] })
      .notNull()
      .default("waiting"),
    waitingSince: timestamp("waiting_since", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mentee_requests_status_idx").on(t.status, t.waitingSince), uniqueIndex("mentee_requests_one_open_idx").on(t.personId).where(sql`status in ('waiting', 'introduced')`)],
);

/** A matching round: what it proposed stays private until staff confirm it. */
export const mentorshipRounds = pgTable("mentorship_rounds", {
  id: serial("id").primaryKey(),
  publicId: text("public_id").notNull().unique(),
  status: text("status", { enum: ["proposed", "confirmed", "discarded"] })
    .notNull()
    .default("proposed"),
  objective: text("objective", { enum: ["score", "count-then-score"] })
    .notNull()
    .default("score"),
  weights: jsonb("weights").$type<Record<string, number>>().notNull(),
  waiting: integer("waiting").notNull(),
  openPlaces: integer("open_places").notNull(),
  candidatePairs: integer("candidate_pairs").notNull(),
  exactTotal: integer("exact_total").notNull(),
  exactMatched: integer("exact_matched").notNull(),
  greedyTotal: integer("greedy_total").notNull(),
  greedyMatched: integer("greedy_matched").notNull(),
  createdBy: integer("created_by").references(() => people.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  confirmedBy: integer("confirmed_by").references(() => people.id, { onDelete: "set null" }),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
});

/** One proposed pair of a round, with its score and the reasons in words. */
export const mentorshipProposals = pgTable(
  "mentorship_proposals",
  {
    id: serial("id").primaryKey(),
    roundId: integer("round_id")
      .notNull()
      .references(() => mentorshipRounds.id, { onDelete: "cascade" }),
    requestId: integer("request_id")
      .notNull()
      .references(() => menteeRequests.id, { onDelete: "cascade" }),
    mentorId: integer("mentor_id")
      .notNull()
      .references(() => mentors.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull().default([]),
    status: text("status", { enum: ["proposed", "rejected", "changed"] })
      .notNull()
      .default("proposed"),
  },
  (t) => [uniqueIndex("mentorship_proposals_round_request_idx").on(t.roundId, t.requestId)],
);

export const mentorships = pgTable(
  "mentorships",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    requestId: integer("request_id")
      .notNull()
      .references(() => menteeRequests.id, { onDelete: "cascade" }),
    mentorId: integer("mentor_id")
      .notNull()
      .references(() => mentors.id, { onDelete: "cascade" }),
    menteePersonId: integer("mentee_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    roundId: integer("round_id").references(() => mentorshipRounds.id, { onDelete: "set null" }),
    score: integer("score"),
    reasons: jsonb("reasons").$type<string[]>().notNull().default([]),
    /** introduced: waiting for the mentor's yes; active; declined/expired: went back to the line; ended. */
    status: text("status", { enum: ["introduced", "active", "declined", "expired", "ended"] })
      .notNull()
      .default("introduced"),
    respondBy: timestamp("respond_by", { withTimezone: true }).notNull(),
    declineReason: text("decline_reason"),
    goals: text("goals").notNull().default(""),
    rhythm: text("rhythm").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    lastMeetingOn: date("last_meeting_on"),
    nudgedAt: timestamp("nudged_at", { withTimezone: true }),
    feedbackAskedAt: timestamp("feedback_asked_at", { withTimezone: true }),
    endFeedbackAskedAt: timestamp("end_feedback_asked_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: text("ended_by", { enum: ["mentor", "mentee", "staff"] }),
    endReason: text("end_reason"),
    rematchRequested: boolean("rematch_requested").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mentorships_status_idx").on(t.status), index("mentorships_mentor_idx").on(t.mentorId), index("mentorships_mentee_idx").on(t.menteePersonId)],
);

/** A meeting in the log; `shared` notes both see, otherwise only the author. */
export const mentorshipMeetings = pgTable(
  "mentorship_meetings",
  {
    id: serial("id").primaryKey(),
    mentorshipId: integer("mentorship_id")
      .notNull()
      .references(() => mentorships.id, { onDelete: "cascade" }),
    authorPersonId: integer("author_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    heldOn: date("held_on").notNull(),
    minutes: integer("minutes").notNull(),
    topics: jsonb("topics").$type<string[]>().notNull().default([]),
    notes: text("notes").notNull().default(""),
    shared: boolean("shared").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mentorship_meetings_mentorship_idx").on(t.mentorshipId)],
);

export const mentorshipFeedback = pgTable(
  "mentorship_feedback",
  {
    id: serial("id").primaryKey(),
    mentorshipId: integer("mentorship_id")
      .notNull()
      .references(() => mentorships.id, { onDelete: "cascade" }),
    side: text("side", { enum: ["mentor", "mentee"] }).notNull(),
    stage: text("stage", { enum: ["three-months", "end"] }).notNull(),
    rating: integer("rating").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mentorship_feedback_one_idx").on(t.mentorshipId, t.side, t.stage)],
);

/** One row: the weights of the scoring and how long a mentor has to answer an introduction. */
export const mentorshipSettings = pgTable("mentorship_settings", {
  id: integer("id").primaryKey(),
  weights: jsonb("weights").$type<Record<string, number>>().notNull(),
  respondDays: integer("respond_days").notNull().default(7),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
