// User-facing texts of the accounts context.
export const messages = {
  signInRateLimited: "Too many sign-in attempts. Please wait a few minutes and try again.",
  linkOtherBrowser: "This sign-in link works only in the browser where you asked for it. Open it there, or type the 6-digit code from the e-mail on that page.",
  linkExpired: "This sign-in link has expired or has already been used. Sign-in links work once, for 15 minutes.",
  codeWrong: "That code does not match. Check the latest e-mail and try again.",
  codeExpired: "This code has expired or has already been used. Ask for a new sign-in link.",
  tooManyCodeAttempts: "Too many wrong codes. Ask for a new sign-in link.",
  secondFactorMissing: "Please type the 6-digit code from your authenticator app, or a recovery code.",
  secondFactorRateLimited: "Too many attempts from this connection. Please wait a few minutes.",
  secondFactorWrong: (attemptsLeft: number) =>
    `That code does not match. Codes change every 30 seconds; each works once. ${attemptsLeft === 1 ? "One more wrong code" : `${attemptsLeft} more wrong codes`} and this sign-in stops.`,
  secondFactorLocked: (wait: string) =>
    `Too many wrong codes were typed for your account, so we have stopped this sign-in to protect it. You are not signed in. Please wait ${wait}, then sign in again from the start with a new e-mailed link.`,
  secondFactorSetupWrong: "That code does not match. Check the time on your phone and try the newest code.",
  secondFactorDisableWrong: "That code does not match.",
  chooseRole: "Choose one of: member, mentor, staff, admin.",
  codeMissing: "Please type the 6-digit code from the e-mail.",
  codeFormat: "The code has 6 digits, like 123456.",
  csrfFailed: "This form has expired. Please reload the page and try again.",
  cannotRemoveLastAdmin: "You cannot remove the last administrator.",
  cannotDisableSelf: "You cannot disable your own account.",
} as const;
