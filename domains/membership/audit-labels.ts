// What the audit log records about applications and members, in words. (The application
// statuses and answers have their words in ./labels.ts.)

export const membershipAuditActionLabels: Record<string, string> = {
  "application.view": "Viewed an application",
  "application.approve": "Approved an application",
  "application.reject": "Rejected an application",
  "application.more-info": "Asked an applicant for more information",
  "application.verify": "Marked an applicant's documents checked",
  "application.unverify": "Removed the documents check",
  "application.export": "Exported applications",
  "application.profile-update": "Updated a member's profile",
  "application.import": "Imported members",
  "application.import-upload": "Uploaded a member list",
  "application.import-cancel": "Cancelled a member import",
  "application.import-done": "Finished a member import",
};

export const membershipAuditSubjectLabels: Record<string, string> = {
  application: "Application",
  "member-import": "Member import",
};
