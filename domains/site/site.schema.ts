// Input and settings schemas of the site context (safe to import in the browser).
import { z } from "zod";
import { emailAddressSchema, maxEmailLength, multiLineText, oneLineText } from "~/platform/text-fields";
import { contrastWithWhite, minimumContrast } from "./brand";
import { messages } from "./messages";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, messages.settingsTime);
const dayHours = z
  .object({ opens: time, closes: time })
  .refine((d) => d.opens < d.closes, messages.settingsClosesAfterOpens)
  .nullable();

export const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof weekdays)[number];

export const officeHoursSchema = z.object({
  timeZone: z
    .string()
    .max(64, messages.settingsTimeZone)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, messages.settingsTimeZone),
  /** Short label printed after times, e.g. "ET". */
  zoneLabel: oneLineText(8, { tooLong: messages.settingsZoneLabel }).min(1, messages.settingsZoneLabel),
  weekly: z.object(Object.fromEntries(weekdays.map((d) => [d, dayHours])) as Record<Weekday, typeof dayHours>),
  observeUsFederalHolidays: z.boolean(),
  closedDates: z.array(z.object({ date: z.iso.date({ error: messages.settingsClosedDate }), note: oneLineText(120).default("") })).default([]),
});
export type OfficeHours = z.infer<typeof officeHoursSchema>;

const brandColour = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, messages.orgColour)
  .refine((colour) => contrastWithWhite(colour) >= minimumContrast, messages.orgColourContrast);

/** A logo address the page may load: https on any host, or a path on this site (never "//host", never javascript: or data:). */
export function isSafeLogoAddress(value: string): boolean {
  if (/[\s"'<>\\]/.test(value)) return false;
  if (value.startsWith("/")) return !value.startsWith("//");
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

export const organisationSchema = z.object({
  name: oneLineText(200, { tooLong: messages.orgName }).min(2, messages.orgName),
  shortName: oneLineText(12, { tooLong: messages.orgShortName }).min(2, messages.orgShortName),
  tagline: oneLineText(300, { tooLong: messages.orgTagline }).min(2, messages.orgTagline),
  email: z.email({ error: messages.orgEmail }).max(maxEmailLength, messages.orgEmail),
  streetAddress: oneLineText(200).default(""),
  city: oneLineText(100).min(1, messages.orgCity),
  region: oneLineText(100).min(2, messages.orgRegion),
  postalCode: oneLineText(20).default(""),
  country: oneLineText(60).default("US"),
  /** Where staff notifications (contact messages) go; defaults to the public e-mail. */
  staffEmail: z.email({ error: messages.orgEmail }).max(maxEmailLength, messages.orgEmail).optional(),
  /** The brand colour (header, buttons, links): white text sits on it. */
  primaryColour: brandColour.default("#0b4f6c"),
  /** The second colour (highlights). */
  accentColour: brandColour.default("#c2410c"),
  /** The logo shown in the header beside the name (alt text: the name); empty for none. */
  logoUrl: z
    .string()
    .trim()
    .max(500, messages.orgLogo)
    .refine((value) => value === "" || isSafeLogoAddress(value), messages.orgLogo)
    .default(""),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const securitySchema = z.object({
  /** Staff and admins must use an authenticator app as second factor. */
  requireSecondFactorForStaff: z.boolean(),
});
export type Security = z.infer<typeof securitySchema>;

/** Public counters (letters written, signatures) below the threshold show an invitation instead of a small number. */
export const publicCountersSchema = z.object({
  threshold: z.number({ error: messages.settingsCounterThreshold }).int(messages.settingsCounterThreshold).min(0, messages.settingsCounterThreshold).max(1_000_000, messages.settingsCounterThreshold),
});
export type PublicCounters = z.infer<typeof publicCountersSchema>;
export const starterPublicCounters: PublicCounters = { threshold: 25 };

/** The settings form: organisation and office hours, and (for admins) security. */
export const siteSettingsInputSchema = z.object({
  organisation: organisationSchema,
  officeHours: officeHoursSchema,
  security: securitySchema.optional(),
  publicCounters: publicCountersSchema.optional(),
});
export type SiteSettingsInput = Partial<z.infer<typeof siteSettingsInputSchema>>;

export const contactInputSchema = z.object({
  name: oneLineText(120, { missing: messages.nameRequired, tooLong: messages.nameTooLong }).min(1, messages.nameRequired),
  email: emailAddressSchema,
  subject: oneLineText(150, { missing: messages.subjectRequired, tooLong: messages.subjectTooLong }).min(3, messages.subjectTooShort),
  message: multiLineText(5000, { missing: messages.messageRequired, tooLong: messages.messageTooLong }).min(10, messages.messageTooShort),
  keepUpdated: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

/** Staff's reply to a contact message, e-mailed to the sender. */
export const contactReplySchema = z.object({
  body: multiLineText(10_000, { missing: messages.replyRequired, tooLong: messages.replyTooLong }).min(2, messages.replyRequired),
});
