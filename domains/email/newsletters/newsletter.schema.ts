// The compose form's input (safe for the browser).
import { z } from "zod";
import { multiLineText, oneLineText } from "~/platform/text-fields";
import { audienceSchema } from "./audience";

export const newsletterMessages = {
  subjectMissing: "Please write a subject.",
  markdownMissing: "Please write the newsletter.",
  notDraft: "This newsletter is no longer a draft: it cannot be changed.",
  cannotStart: "Only a draft or a scheduled newsletter can be sent.",
  cannotPause: "Only a newsletter being sent can be paused.",
  cannotResume: "Only a paused newsletter can be resumed.",
  cannotCancel: "This newsletter has already finished.",
  noRecipients: "Nobody would receive this newsletter: choose another audience.",
  scheduleInPast: "Please choose a time in the future.",
  noSmtp: "No mail server is configured (SMTP_URL), so nothing can be sent.",
  notFound: "No such newsletter.",
} as const;

export const newsletterInputSchema = z.object({
  subject: oneLineText(200, { missing: newsletterMessages.subjectMissing }).min(1, newsletterMessages.subjectMissing),
  preheader: oneLineText(200).default(""),
  markdown: multiLineText(100_000, { missing: newsletterMessages.markdownMissing }).min(1, newsletterMessages.markdownMissing),
  topic: z.enum(["newsletter", "campaign-alerts", "member-updates"]).default("newsletter"),
  isPrivate: z.boolean().default(false),
  audience: audienceSchema,
});
export type NewsletterInput = z.infer<typeof newsletterInputSchema>;
