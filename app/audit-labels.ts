// The audit log's codes in words: each context names its own actions and subjects (its
// labels module); the console reads them through here.
import { accountsAuditActionLabels, accountsAuditSubjectLabels } from "~/domains/accounts/labels";
import { advocacyAuditActionLabels, advocacyAuditSubjectLabels } from "~/domains/advocacy/labels";
import { emailAuditActionLabels, emailAuditSubjectLabels } from "~/domains/email/labels";
import { evidenceAuditActionLabels, evidenceAuditSubjectLabels } from "~/domains/evidence/labels";
import { membershipAuditActionLabels, membershipAuditSubjectLabels } from "~/domains/membership/audit-labels";
import { mentorshipAuditActionLabels, mentorshipAuditSubjectLabels } from "~/domains/mentorship/labels";
import { publishingAuditActionLabels, publishingAuditSubjectLabels } from "~/domains/publishing/labels";
import { siteAuditActionLabels, siteAuditSubjectLabels } from "~/domains/site/labels";

export const auditActionLabels: Record<string, string> = {
  ...accountsAuditActionLabels,
  ...advocacyAuditActionLabels,
  ...emailAuditActionLabels,
  ...evidenceAuditActionLabels,
  ...membershipAuditActionLabels,
  ...mentorshipAuditActionLabels,
  ...publishingAuditActionLabels,
  ...siteAuditActionLabels,
};

export const auditSubjectLabels: Record<string, string> = {
  ...accountsAuditSubjectLabels,
  ...advocacyAuditSubjectLabels,
  ...emailAuditSubjectLabels,
  ...evidenceAuditSubjectLabels,
  ...membershipAuditSubjectLabels,
  ...mentorshipAuditSubjectLabels,
  ...publishingAuditSubjectLabels,
  ...siteAuditSubjectLabels,
};

/** "open-letter.publish" → "Open letter: publish": words for a code no context has named yet. */
function spelledOut(code: string): string {
  const words = code.replace(/[._-]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "Unknown";
}

export const auditActionLabel = (code: string) => auditActionLabels[code] ?? spelledOut(code);
export const auditSubjectLabel = (code: string) => auditSubjectLabels[code] ?? spelledOut(code);
