// What the console says after an action, on the next page (a flash: app/flash.server.ts). One
// place for these words, ready for translation; each says what happened, not more.

export const confirmations = {
  settingsSaved: "Settings saved. The site shows the new settings now.",
  figureSaved: "Figure saved. The home and numbers pages show it now.",
  campaignCreated: "Campaign created. It stays a draft until you publish it.",
  campaignSaved: "Campaign saved. The public pages show it now.",
  supportersSaved: (marked: number, unmarked: number) => `Supporters saved: ${marked} marked, ${unmarked} unmarked.`,
  legislatorSaved: "Correction saved. The public pages show it now.",
  stateLegislatorSaved: "Correction saved. Letters and the public lists use it now.",
  statePathwaySaved: "State law entry saved. The public tracker and the letters use it now.",
  replySent: "Reply queued: it is in the outbox and goes out by e-mail.",
  messageMarkedAnswered: "Marked as answered.",
  messageMarkedNew: "Marked as new.",
  outboxResent: "The message is queued to be sent again.",
  personAdded: "Person added. They sign in with a link e-mailed to their address.",
  roleGranted: (role: string) => `Role given: ${role}.`,
  roleRevoked: (role: string) => `Role removed: ${role}.`,
  personDisabled: "Account disabled: its sessions have ended and it cannot sign in.",
  personEnabled: "Account enabled: it can sign in again.",
  subscriberUnsubscribed: "Unsubscribed: no more newsletters go to this address.",
  applicationVerified: "Documents marked as checked.",
  applicationUnverified: "Verification removed.",
  applicationApproved: "Application approved: the applicant is a member now, and the decision is e-mailed to them.",
  applicationRejected: "Application rejected: the decision and your note are e-mailed to the applicant.",
  applicationMoreInfo: "More information requested: your note is e-mailed to the applicant with a link to update the application.",
  importStarted: "Import started: this page shows its progress.",
} as const;
