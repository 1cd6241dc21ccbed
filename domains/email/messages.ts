// User-facing texts of the email context.
export const messages = {
  rateLimited: "Too many sign-ups from your connection in a short time. Please wait a few minutes and try again.",
  linkInvalid: "This confirmation link has already been used or has expired (links work once, for 48 hours).",
} as const;
