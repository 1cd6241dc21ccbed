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
  "newsletter.create": "Wrote a newsletter",
  "newsletter.save": "Changed a newsletter draft",
  "newsletter.test-send": "Sent a newsletter test to themselves",
  "newsletter.send": "Started sending a newsletter",
  "newsletter.schedule": "Scheduled a newsletter",
  "newsletter.unschedule": "Took a newsletter off the schedule",
  "newsletter.pause": "Paused a newsletter's sending",
  "newsletter.resume": "Resumed a newsletter's sending",
  "newsletter.cancel": "Cancelled a newsletter's sending",
  "newsletter.automation": "Changed a welcome e-mail",
  "newsletter.suppressions-import": "Imported suppressed addresses",
};

export const emailAuditSubjectLabels: Record<string, string> = {
  outbox_message: "E-mail",
  subscriber: "Subscriber",
  newsletter: "Newsletter",
  automation: "Welcome e-mail",
};
