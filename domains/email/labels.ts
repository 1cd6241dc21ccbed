// The email context's stored codes in words: outbox and subscriber statuses, and what the audit
// log records about them. Every screen that shows these codes reads them from here.
import type { OutboxStatus } from "./outbox-admin.server";

export const outboxStatusLabels: Record<OutboxStatus, string> = {
  queued: "Queued",
  sent: "Sent",
  stored: "Kept here (no mail server)",
  failed: "Failed",
};

export type SubscriberStatusCode = "pending" | "active" | "unsubscribed";

export const subscriberStatusLabels: Record<SubscriberStatusCode, string> = {
  pending: "Waiting for confirmation",
  active: "Confirmed",
  unsubscribed: "Unsubscribed",
};

export const emailAuditActionLabels: Record<string, string> = {
  "outbox.resend": "Sent an e-mail again",
  "subscriber.unsubscribe": "Unsubscribed a newsletter subscriber",
  "subscriber.export": "Exported newsletter subscribers",
};

export const emailAuditSubjectLabels: Record<string, string> = {
  outbox_message: "E-mail",
  subscriber: "Subscriber",
};
