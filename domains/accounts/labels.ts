// The accounts context's stored codes in words, for every screen (and any e-mail or CSV header
// that names them): roles, and what the audit log records about people and sessions.
import type { Role } from "./accounts.schema";

export const roleLabels: Record<Role, string> = {
  member: "Member",
  mentor: "Mentor",
  staff: "Staff",
  admin: "Administrator",
};

export const accountsAuditActionLabels: Record<string, string> = {
  "person.view": "Viewed a person's record",
  "person.delete-own-account": "Deleted their own account",
  "role.grant": "Gave a role",
  "role.revoke": "Removed a role",
  "person.disable": "Disabled an account",
  "person.enable": "Enabled an account",
  "second-factor.enable": "Turned on two-factor sign-in",
  "second-factor.disable": "Turned off two-factor sign-in",
  "second-factor.lock": "Two-factor sign-in locked after wrong codes",
  "session.sign-in": "Signed in",
  "session.end": "Ended a session",
};

export const accountsAuditSubjectLabels: Record<string, string> = {
  person: "Person",
  session: "Session",
};
