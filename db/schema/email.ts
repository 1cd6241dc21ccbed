// Tables of the email context: the outbox of every message and the newsletter subscribers.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

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
// ── Newsletters (issue 14): one row per newsletter, one per (newsletter, address), suppressions,
// preferences and the events (bounces, complaints, unsubscribes) that feed them. See decision 0023.

export const newsletterStatuses = ["draft", "scheduled", "sending", "paused", "sent", "cancelled"] as const;
export const recipientStates = ["queued", "sending", "sent", "failed", "skipped"] as const;
export const mailTopics = ["newsletter", "campaign-alerts", "member-updates"] as const;
export const suppressionReasons = ["hard-bounce", "complaint", "unsubscribe", "manual", "soft-bounces"] as const;

export const newsletters = pgTable(
  "newsletters",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    status: text("status", { enum: newsletterStatuses }).notNull().default("draft"),
    subject: text("subject").notNull(),
    preheader: text("preheader").notNull().default(""),
    markdown: text("markdown").notNull(),
    /** Which preference a recipient can turn off to stop this kind of mail. */
    topic: text("topic", { enum: mailTopics }).notNull().default("newsletter"),
    /** Who receives it: an Audience (domains/email/newsletters/audience.ts), validated by zod. */
    audience: jsonb("audience").$type<unknown>().notNull(),
    isPrivate: boolean("is_private").notNull().default(false),
    pauseReason: text("pause_reason"),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    /** The message as sent, rendered once when sending starts (every recipient gets the same body). */
    renderedHtml: text("rendered_html"),
    renderedText: text("rendered_text"),
    recipientCount: integer("recipient_count").notNull().default(0),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("newsletters_status_idx").on(t.status, t.scheduledAt)],
);

export const newsletterRecipients = pgTable(
  "newsletter_recipients",
  {
    id: serial("id").primaryKey(),
    newsletterId: integer("newsletter_id")
      .notNull()
      .references(() => newsletters.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    state: text("state", { enum: recipientStates }).notNull().default("queued"),
    claimedBy: text("claimed_by"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    /** A temporary (4xx) failure: not claimed again before this moment. */
    retryAt: timestamp("retry_at", { withTimezone: true }),
    smtpMessageId: text("smtp_message_id"),
    smtpResponse: text("smtp_response"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    failureReason: text("failure_reason"),
  },
  (t) => [uniqueIndex("newsletter_recipients_address_idx").on(t.newsletterId, t.email), index("newsletter_recipients_state_idx").on(t.newsletterId, t.state, t.id)],
);

export const emailSuppressions = pgTable("email_suppressions", {
  email: text("email").primaryKey(),
  reason: text("reason", { enum: suppressionReasons }).notNull(),
  /** Where it came from: "webhook", "smtp", "one-click", "preferences", "csv import", a staff e-mail… */
  source: text("source").notNull(),
  detail: text("detail"),
  newsletterId: integer("newsletter_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const mailPreferences = pgTable("mail_preferences", {
  email: text("email").primaryKey(),
  newsletter: boolean("newsletter").notNull().default(true),
  campaignAlerts: boolean("campaign_alerts").notNull().default(true),
  memberUpdates: boolean("member_updates").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What happened to mail after it left: bounces, complaints and unsubscribes, per newsletter when known. */
export const mailEvents = pgTable(
  "mail_events",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    kind: text("kind", { enum: ["hard-bounce", "soft-bounce", "complaint", "unsubscribe"] }).notNull(),
    newsletterId: integer("newsletter_id"),
    source: text("source").notNull(),
    detail: text("detail"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mail_events_newsletter_idx").on(t.newsletterId, t.kind), index("mail_events_email_idx").on(t.email, t.kind, t.createdAt)],
);

/** Automatic e-mails (welcome on a confirmed subscription, on an approved membership): editable, switchable off. */
export const mailAutomations = pgTable("mail_automations", {
  key: text("key", { enum: ["welcome-subscriber", "welcome-member"] }).primaryKey(),
  enabled: boolean("enabled").notNull().default(true),
  subject: text("subject").notNull(),
  markdown: text("markdown").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
