// User-facing texts of the email context.
export const messages = {
  rateLimited: "Too many sign-ups from your connection in a short time. Please wait a few minutes and try again.",
  linkInvalid: "This confirmation link has already been used or has expired (links work once, for 48 hours).",
  onlyFailedResend: "Only a failed message can be resent.",
  noSuchSubscriber: "No such subscriber",
  /** The words beside every action's "Keep me updated" box, stored with each consent as given. */
  updatesConsent: "Keep me updated: e-mail me news and next steps from the Alliance of Medical Graduates. I can unsubscribe at any time.",
} as const;
