// The evidence context's stored codes in words: what the audit log records about the NRMP figures
// and the staff reports.

export const evidenceAuditActionLabels: Record<string, string> = {
  "evidence.replace-nrmp": "Replaced the NRMP match figures",
  "report.export": "Downloaded a staff report",
};

export const evidenceAuditSubjectLabels: Record<string, string> = {
  dataset: "Published figures",
  report: "Staff report",
};
