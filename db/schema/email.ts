// Tables of the email context: the outbox of every message and the newsletter subscribers.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    template: text("template").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    status: text("status", { enum: ["queued", "sent", "stored", "failed"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    smtpMessageId: text("smtp_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_messages_created_at_idx").on(t.createdAt), index("outbox_messages_to_idx").on(t.toAddress), index("outbox_messages_status_idx").on(t.status, t.id)],
);

export const subscribers = pgTable(
  "subscribers",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    email: text("email").notNull().unique(),
    status: text("status", { enum: ["pending", "active", "unsubscribed"] })
      .notNull()
      .default("pending"),
    source: text("source").notNull().default("website"),
    confirmTokenHash: text("confirm_token_hash").unique(),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    unsubscribeToken: text("unsubscribe_token").notNull().unique(),
    confirmationsSent: integer("confirmations_sent").notNull().default(0),
    lastConfirmationSentAt: timestamp("last_confirmation_sent_at", { withTimezone: true }),
    consentIp: text("consent_ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  },
  (t) => [index("subscribers_status_created_idx").on(t.status, t.createdAt), index("subscribers_email_trgm_idx").using("gin", sql`${t.email} gin_trgm_ops`)],
);

/**
 * A person's "Keep me updated" consent given on an action (an open-letter signature, a contact
 * message, …): the words they agreed to, when, where from. It subscribes them only once their
 * address is proven: at once (signed in as it, or the action's own e-mailed link being opened),
 * by the action's confirmation (awaitingRef: an opaque key the action passes again when its link
 * is opened), or by the newsletter's own double opt-in mail (awaitingRef "newsletter:<hash>").
 */
export const subscriptionConsents = pgTable(
  "subscription_consents",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    /** Which action: "open-letter", "contact", "legislator-letter", "membership-application". */
    sourceKind: text("source_kind").notNull(),
    /** Which campaign or letter (its slug), empty when the action has none. */
    sourceRef: text("source_ref").notNull().default(""),
    consentText: text("consent_text").notNull(),
    ip: text("ip"),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    awaitingRef: text("awaiting_ref"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  },
  (t) => [index("subscription_consents_email_idx").on(t.email), index("subscription_consents_awaiting_idx").on(t.awaitingRef)],
);
