// User-facing texts of the site context, in one place, ready for translation.
export const messages = {
  nameRequired: "Please enter your name.",
  nameTooLong: "Please keep your name under 120 characters.",
  subjectRequired: "Please add a subject.",
  subjectTooShort: "Please write a subject of at least 3 characters.",
  subjectTooLong: "Please keep the subject under 150 characters.",
  messageRequired: "Please write your message.",
  messageTooShort: "Please write at least 10 characters so we can help.",
  messageTooLong: "Please keep your message under 5,000 characters.",
  rateLimited: "You have sent several messages in a short time. Please wait a few minutes and try again.",
} as const;
