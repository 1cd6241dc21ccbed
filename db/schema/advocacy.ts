// Tables of the advocacy context: legislators and districts (reference data loaded from data/).
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

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

/**
 * ZIP (ZCTA) → candidate state legislative districts (2024 lines), from data/zip-state-legislative-district;
 * unranked. `district` is written as in state_legislators; Nebraska's unicameral seats are `upper` here.
 */
export const zipStateDistricts = pgTable(
  "zip_state_districts",
  {
    zcta: text("zcta").notNull(),
    state: text("state").notNull(),
    chamber: text("chamber", { enum: ["upper", "lower"] }).notNull(),
    district: text("district").notNull(),
  },
  (t) => [primaryKey({ columns: [t.zcta, t.state, t.chamber, t.district] })],
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

/**
 * A campaign: an open letter to an institution that people sign, or a letter to legislators that
 * people send to their own (targets: US Senate, US House, state upper / lower chambers).
 */
export const campaigns = pgTable("campaigns", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  kind: text("kind", { enum: ["open-letter", "legislator-letter"] }).notNull(),
  title: text("title").notNull(),
  addressee: text("addressee").notNull(),
  summary: text("summary").notNull(),
  backgroundMarkdown: text("background_markdown").notNull().default(""),
  /** Open letter: its text. Legislator letter: the template for targets who do not yet support the bill. */
  letterMarkdown: text("letter_markdown").notNull(),
  /** Legislator letter: the template for supporters (cosponsors); empty = the same letter for everyone. */
  supporterLetterMarkdown: text("supporter_letter_markdown").notNull().default(""),
  letterSubject: text("letter_subject").notNull().default(""),
  /** The subject of the supporter letter (a thank-you); empty = a thank-you subject made from the bill or title. */
  supporterLetterSubject: text("supporter_letter_subject").notNull().default(""),
  /** The organisation's own statement, delivered apart from the constituent's words. */
  organisationStatement: text("organisation_statement").notNull().default(""),
  talkingPoints: text("talking_points").notNull().default(""),
  phoneScript: text("phone_script").notNull().default(""),
  thankYouMarkdown: text("thank_you_markdown").notNull().default(""),
  targets: jsonb("targets").$type<string[]>().notNull().default([]),
  /** Only people from these states can act; empty = every state. */
  targetStates: jsonb("target_states").$type<string[]>().notNull().default([]),
  bill: text("bill").notNull().default(""),
  usesStatePathways: boolean("uses_state_pathways").notNull().default(false),
  startsOn: date("starts_on", { mode: "string" }),
  endsOn: date("ends_on", { mode: "string" }),
  goal: integer("goal").notNull().default(1000),
  sortOrder: integer("sort_order").notNull().default(0),
  isPublished: boolean("is_published").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What a signer can change: their name, place, role and whether they are shown. */
export type SignatureDetails = { name: string; city?: string; zip: string; state: string | null; signerRole: "unmatched-graduate" | "physician" | "supporter" | null; showName: boolean };

/** A signature of an open letter: one per e-mail per letter; it counts once confirmed by e-mail. */
export const signatures = pgTable(
  "signatures",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** As the signer typed it (optional; empty for signatures from before it was asked): printed in the delivery packet. */
    city: text("city").notNull().default(""),
    zip: text("zip").notNull(),
    state: text("state"),
    signerRole: text("signer_role", { enum: ["unmatched-graduate", "physician", "supporter"] }),
    showName: boolean("show_name").notNull().default(false),
    status: text("status", { enum: ["pending", "confirmed"] })
      .notNull()
      .default("pending"),
    confirmTokenHash: text("confirm_token_hash").unique(),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /**
     * New details for a confirmed signature, sent from a browser that did not prove the address:
     * they replace the confirmed ones only once the e-mailed link (confirmTokenHash) is opened.
     */
    pendingChanges: jsonb("pending_changes").$type<SignatureDetails>(),
  },
  (t) => [
    uniqueIndex("signatures_campaign_email_idx").on(t.campaignId, t.email),
    index("signatures_confirmed_idx").on(t.campaignId, t.status, t.confirmedAt),
    // The console's list (newest first) and its search (name, e-mail, city or ZIP contains …).
    index("signatures_campaign_created_idx").on(t.campaignId, t.createdAt.desc(), t.id.desc()),
    index("signatures_search_trgm_idx").using("gin", sql`(${t.name} || ' ' || ${t.email} || ' ' || ${t.city} || ' ' || ${t.zip}) gin_trgm_ops`),
  ],
);

/** Staff's record of handing an open letter to its addressee: when, how, with how many signatures. */
export const openLetterDeliveries = pgTable(
  "open_letter_deliveries",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** Who received it, as the public page names them ("the AAMC"). */
    recipient: text("recipient").notNull(),
    deliveredOn: date("delivered_on", { mode: "string" }).notNull(),
    method: text("method", { enum: ["email", "post", "in-person", "online-form", "other"] }).notNull(),
    signatureCount: integer("signature_count").notNull(),
    note: text("note").notNull().default(""),
    recordedBy: text("recorded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("open_letter_deliveries_campaign_idx").on(t.campaignId, t.deliveredOn)],
);

/** Per state: is there a licence for medical graduates who did not match (collaborative practice)? Kept by staff. */
export const statePathways = pgTable("state_pathways", {
  state: text("state").primaryKey(),
  status: text("status", { enum: ["law-in-force", "bill-pending", "none"] }).notNull(),
  law: text("law").notNull().default(""),
  year: integer("year"),
  licenceTitle: text("licence_title").notNull().default(""),
  requirements: text("requirements").notNull().default(""),
  practiceRules: text("practice_rules").notNull().default(""),
  sources: text("sources").notNull().default(""),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Legislators staff have marked as supporting a campaign's bill (cosponsors): they get the supporter letter. */
export const campaignSupporters = pgTable(
  "campaign_supporters",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    legislatorKey: text("legislator_key").notNull(),
    markedBy: text("marked_by"),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.legislatorKey] })],
);

/** One person's action on a legislator-letter campaign: one per e-mail per campaign (acting again updates it). */
export const campaignActions = pgTable(
  "campaign_actions",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    street: text("street").notNull(),
    city: text("city").notNull(),
    state: text("state").notNull(),
    zip: text("zip").notNull(),
    /** The congressional district the person chose, e.g. "NY-22" (null when the campaign has no House target). */
    district: text("district"),
    /** The constituent's own words. */
    story: text("story").notNull().default(""),
    storyHash: text("story_hash"),
    ip: text("ip"),
    /** When the one reminder about letters not yet reported sent went out (or was skipped: unsubscribed). */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("campaign_actions_remind_idx").on(t.updatedAt).where(sql`${t.remindedAt} is null`),
    uniqueIndex("campaign_actions_campaign_email_idx").on(t.campaignId, t.email),
    index("campaign_actions_created_idx").on(t.campaignId, t.createdAt),
    index("campaign_actions_story_idx").on(t.campaignId, t.storyHash),
  ],
);

/** The letter to one target of an action: one per person per target per campaign. */
export const actionMessages = pgTable(
  "action_messages",
  {
    id: serial("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => campaignActions.id, { onDelete: "cascade" }),
    campaignId: integer("campaign_id").notNull(),
    legislatorKey: text("legislator_key").notNull(),
    targetName: text("target_name").notNull(),
    targetTitle: text("target_title").notNull(),
    target: text("target").notNull(),
    state: text("state").notNull(),
    district: text("district").notNull(),
    version: text("version", { enum: ["supporter", "general"] }).notNull(),
    subject: text("subject").notNull(),
    /** The organisation's statement, kept apart from the constituent's message. */
    organisationStatement: text("organisation_statement").notNull(),
    /** The constituent's message: the letter as the person left it, filled in for this target, and their story. */
    constituentMessage: text("constituent_message").notNull(),
    delivery: text("delivery", { enum: ["email", "prepared"] }).notNull(),
    recipientEmail: text("recipient_email"),
    /** How the person reaches an office that takes no e-mail: its phone, its contact form, the call script. */
    phone: text("phone"),
    /** The office's own contact form, only when the data has one (never its home page). */
    contactUrl: text("contact_url"),
    /** The office's main website. */
    website: text("website"),
    callScript: text("call_script"),
    outboxId: integer("outbox_id"),
    /** A prepared letter the writer says they sent: when, and how (through the office's form, or by phone). */
    reportedSentAt: timestamp("reported_sent_at", { withTimezone: true }),
    reportedVia: text("reported_via", { enum: ["form", "phone"] }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("action_messages_action_target_idx").on(t.actionId, t.legislatorKey), index("action_messages_campaign_target_idx").on(t.campaignId, t.legislatorKey)],
);

/** A letter of a held action, as it will be stored (action_messages) once the address is confirmed. */
export type HeldLetter = {
  legislatorKey: string;
  targetName: string;
  targetTitle: string;
  target: string;
  state: string;
  district: string;
  version: "supporter" | "general";
  subject: string;
  organisationStatement: string;
  constituentMessage: string;
  delivery: "email" | "prepared";
  recipientEmail: string | null;
  phone: string | null;
  contactUrl: string | null;
  /** Absent in letters held before it was kept. */
  website?: string | null;
  callScript: string | null;
};

/**
 * An action sent from a browser that did not prove the e-mail address (not signed in as it): kept
 * apart from campaign_actions, with its own random public id, so it neither shows nor changes the
 * person's earlier action and is not counted. Opening the e-mailed link (single use, hashed, expiring)
 * merges it into the person's action and only then queues the letters to offices.
 */
export const pendingCampaignActions = pgTable(
  "pending_campaign_actions",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    street: text("street").notNull(),
    city: text("city").notNull(),
    state: text("state").notNull(),
    zip: text("zip").notNull(),
    district: text("district"),
    story: text("story").notNull().default(""),
    storyHash: text("story_hash"),
    letters: jsonb("letters").$type<HeldLetter[]>().notNull(),
    ip: text("ip"),
    confirmTokenHash: text("confirm_token_hash").unique(),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pending_campaign_actions_email_idx").on(t.email)],
);
