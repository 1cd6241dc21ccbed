// The site context's stored codes in words: contact message statuses, and what the audit log
// records about the inbox, figures and settings.

export type ContactMessageStatus = "new" | "answered";

export const contactMessageStatusLabels: Record<ContactMessageStatus, string> = {
  new: "Waiting",
  answered: "Answered",
};

export const siteAuditActionLabels: Record<string, string> = {
  "contact.view": "Read a contact message",
  "contact.reply": "Replied to a contact message",
  "contact.mark-answered": "Marked a contact message answered",
  "contact.mark-new": "Marked a contact message as waiting",
  "figure.update": "Changed a figure",
  "settings.update": "Changed the settings",
};

export const siteAuditSubjectLabels: Record<string, string> = {
  contact_message: "Contact message",
  figure: "Figure",
  settings: "Settings",
};
