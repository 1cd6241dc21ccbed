// Tables of the site context: settings, the figures AMG states, editable pages, contact messages.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Key/value settings (organisation, office hours, ...); each value is validated by a zod schema on read and write. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  ...timestamps,
});

/** A figure AMG states, shown beside the official figure with both sources. */
export const figures = pgTable("figures", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  claim: text("claim").notNull(),
  amgFigure: text("amg_figure").notNull(),
  amgStatement: text("amg_statement").notNull(),
  amgSource: text("amg_source").notNull().default("AMG"),
  officialFigure: text("official_figure"),
  officialBasis: text("official_basis"),
  officialSource: text("official_source"),
  /** One plain sentence for readers on how AMG's figure and the official one compare. */
  verdict: text("verdict"),
  /** Where a reader checks the official figure (https). */
  sourceUrl: text("source_url"),
  /** When staff last checked the figure against its source (YYYY-MM-DD). */
  checkedOn: text("checked_on"),
  sortOrder: integer("sort_order").notNull().default(0),
  ...timestamps,
});

export const pages = pgTable("pages", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  bodyMarkdown: text("body_markdown").notNull(),
  ...timestamps,
});

export const contactMessages = pgTable(
  "contact_messages",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    subject: text("subject").notNull(),
    message: text("message").notNull(),
    status: text("status", { enum: ["new", "answered"] })
      .notNull()
      .default("new"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    ...timestamps,
  },
  (t) => [
    index("contact_messages_created_at_idx").on(t.createdAt),
    index("contact_messages_status_idx").on(t.status, t.id),
    index("contact_messages_search_idx").using("gin", sql`(${t.name} || ' ' || ${t.email} || ' ' || ${t.subject}) gin_trgm_ops`),
  ],
);

/** A staff reply to a contact message, kept with the message; the e-mail itself is in the outbox. */
export const contactReplies = pgTable(
  "contact_replies",
  {
    id: serial("id").primaryKey(),
    messageId: integer("message_id")
      .notNull()
      .references(() => contactMessages.id, { onDelete: "cascade" }),
    authorId: integer("author_id"),
    authorEmail: text("author_email").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contact_replies_message_idx").on(t.messageId)],
);
