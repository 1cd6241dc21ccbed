// User-facing texts of the accounts context.
export const messages = {
  signInRateLimited: "Too many sign-in attempts. Please wait a few minutes and try again.",
  linkOtherBrowser:
    "This sign-in link works only in the browser where you asked for it. Open it there, or type the 6-digit code from the e-mail on that page.",
  linkExpired: "This sign-in link has expired or has already been used. Sign-in links work once, for 15 minutes.",
  codeWrong: "That code does not match. Check the latest e-mail and try again.",
  codeExpired: "This code has expired or has already been used. Ask for a new sign-in link.",
  tooManyCodeAttempts: "Too many wrong codes. Ask for a new sign-in link.",
  csrfFailed: "This form has expired. Please reload the page and try again.",
  cannotRemoveLastAdmin: "You cannot remove the last administrator.",
  cannotDisableSelf: "You cannot disable your own account.",
} as const;
