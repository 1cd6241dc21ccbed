// User-facing texts of the advocacy context (campaigns, open letters, legislators, the state law
// tracker) that its schemas, use cases and forms give, in one place, ready for translation.
export const messages = {
  campaignTargetsRequired: "Please choose whom people write to.",
  campaignEndsBeforeStart: "The campaign cannot end before it starts.",
  campaignSlugTaken: "Another campaign already has this address.",
  noSuchCampaign: "No such campaign.",
  noSuchLetter: "No such letter.",
  lettersRateLimited: "Too many letters from your connection or address in a short time. Please wait and try again.",
  signaturesRateLimited: "Too many signatures from your connection in a short time. Please wait and try again.",
  checkFieldsBelow: "Please check the fields marked below.",
} as const;
