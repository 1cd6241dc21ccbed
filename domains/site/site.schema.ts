// Input and settings schemas of the site context (safe to import in the browser).
import { z } from "zod";
import { messages } from "./messages";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use 24-hour HH:MM");
const dayHours = z
  .object({ opens: time, closes: time })
  .refine((d) => d.opens < d.closes, "closing time must be after opening time")
  .nullable();

export const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof weekdays)[number];

export const officeHoursSchema = z.object({
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "unknown time zone"),
  /** Short label printed after times, e.g. "ET". */
  zoneLabel: z.string().trim().min(1).max(8),
  weekly: z.object(Object.fromEntries(weekdays.map((d) => [d, dayHours])) as Record<Weekday, typeof dayHours>),
  observeUsFederalHolidays: z.boolean(),
  closedDates: z.array(z.object({ date: z.iso.date(), note: z.string().max(120).default("") })).default([]),
});
export type OfficeHours = z.infer<typeof officeHoursSchema>;

export const organisationSchema = z.object({
  name: z.string().trim().min(2),
  shortName: z.string().trim().min(2).max(12),
  tagline: z.string().trim().min(2),
  email: z.email(),
  streetAddress: z.string().trim().default(""),
  city: z.string().trim().min(1),
  region: z.string().trim().min(2),
  postalCode: z.string().trim().default(""),
  country: z.string().trim().default("US"),
  /** Where staff notifications (contact messages) go; defaults to the public e-mail. */
  staffEmail: z.email().optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const securitySchema = z.object({
  /** Staff and admins must use an authenticator app as second factor. */
  requireSecondFactorForStaff: z.boolean(),
});
export type Security = z.infer<typeof securitySchema>;

const email = z
  .string({ error: messages.emailRequired })
  .trim()
  .toLowerCase()
  .min(1, messages.emailRequired)
  .max(254, messages.emailTooLong)
  .pipe(z.email({ error: messages.emailInvalid }));

export const emailAddressSchema = email;

export const contactInputSchema = z.object({
  name: z.string({ error: messages.nameRequired }).trim().min(1, messages.nameRequired).max(120, messages.nameTooLong),
  email,
  subject: z
    .string({ error: messages.subjectRequired })
    .trim()
    .min(3, messages.subjectTooShort)
    .max(150, messages.subjectTooLong),
  message: z
    .string({ error: messages.messageRequired })
    .trim()
    .min(10, messages.messageTooShort)
    .max(5000, messages.messageTooLong),
});
export type ContactInput = z.infer<typeof contactInputSchema>;
