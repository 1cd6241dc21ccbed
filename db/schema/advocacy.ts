// Tables of the advocacy context: legislators and districts (reference data loaded from data/).
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Sitting members of Congress (senators, representatives, delegates), from data/congress-legislators. */
export const congressMembers = pgTable(
  "congress_members",
  {
    bioguide: text("bioguide").primaryKey(),
    fullName: text("full_name").notNull(),
    party: text("party").notNull(),
    state: text("state").notNull(),
    chamber: text("chamber", { enum: ["senate", "house"] }).notNull(),
    /** House only: 0 = at-large seat or delegate. */
    district: integer("district"),
    stateRank: text("state_rank"),
    phone: text("phone"),
    url: text("url"),
    contactForm: text("contact_form"),
    address: text("address"),
    termEnd: text("term_end"),
    loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("congress_members_state_idx").on(t.state, t.chamber, t.district)],
);

/** ZIP (ZCTA) → candidate House districts, 119th Congress lines; unranked. */
export const zipDistricts = pgTable(
  "zip_districts",
  {
    zcta: text("zcta").notNull(),
    state: text("state").notNull(),
    district: integer("district").notNull(),
  },
  (t) => [primaryKey({ columns: [t.zcta, t.state, t.district] })],
);

/** Sitting state legislators (50 states, DC council, Puerto Rico), from data/state-legislators. */
export const stateLegislators = pgTable(
  "state_legislators",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    state: text("state").notNull(),
    chamber: text("chamber", { enum: ["upper", "lower", "legislature"] }).notNull(),
    district: text("district").notNull(),
    party: text("party").notNull(),
    email: text("email"),
    capitolPhone: text("capitol_phone"),
    districtPhone: text("district_phone"),
    website: text("website"),
    loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("state_legislators_state_idx").on(t.state, t.chamber, t.district)],
);

/** Staff corrections of a legislator's contact details, kept across reloads and shown as such. */
export const legislatorOverrides = pgTable("legislator_overrides", {
  legislatorKey: text("legislator_key").primaryKey(),
  fields: jsonb("fields").$type<Record<string, string>>().notNull(),
  note: text("note").notNull().default(""),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
