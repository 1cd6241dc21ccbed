// The advocacy context's stored codes in words: campaign kinds, signature and state law
// statuses, and what the audit log records about campaigns, legislators and state laws.

export const campaignKindLabels = { "legislator-letter": "Letter to legislators", "open-letter": "Open letter" } as const;

export const campaignPublishedLabels = { published: "Published", draft: "Draft" } as const;

export const signatureStatusLabels = { pending: "Waiting for confirmation", confirmed: "Confirmed" } as const;

export const statePathwayStatusLabels = { "law-in-force": "Law in force", "bill-pending": "Bill pending", none: "No law found" } as const;

export const stateChamberLabels = { upper: "Upper chamber (Senate)", lower: "Lower chamber (House or Assembly)", legislature: "Legislature" } as const;

export const letterDeliveryLabels = { email: "Sent by e-mail", prepared: "Prepared (not sent)" } as const;

export const advocacyAuditActionLabels: Record<string, string> = {
  "campaign.create": "Created a campaign",
  "campaign.update": "Changed a campaign",
  "campaign.export": "Exported a campaign's letters",
  "campaign.packet": "Opened a printable letter packet",
  "campaign.supporters": "Marked a campaign's supporters",
  "legislator.correct": "Corrected a legislator's details",
  "state-pathway.update": "Changed a state law entry",
  "open-letter.delivery": "Recorded an open letter's delivery",
  "open-letter.packet": "Opened an open letter's packet",
  "open-letter.export": "Exported an open letter's signatures",
};

export const advocacyAuditSubjectLabels: Record<string, string> = {
  campaign: "Campaign",
  legislator: "Legislator",
  "state-legislator": "State legislator",
  state: "State",
};
