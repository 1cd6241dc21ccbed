// Input schemas of the advocacy context (safe to import in the browser).
import { z } from "zod";
import { emailAddressSchema, multiLineText, oneLineText } from "~/platform/text-fields";
import { messages } from "./messages";

export const signerRoles = ["unmatched-graduate", "physician", "supporter"] as const;

export const signatureInputSchema = z.object({
  name: oneLineText(120, { missing: messages.nameRequired, tooLong: messages.nameTooLong }).min(2, messages.nameRequired),
  email: emailAddressSchema,
  city: oneLineText(100, { tooLong: messages.cityTooLong })
    .optional()
    .transform((c) => c ?? ""),
  zip: z
    .string({ error: messages.zipRequired })
    .trim()
    .max(10, "A ZIP code has 5 digits, like 13202.")
    .regex(/^\d{5}(-\d{4})?$/, "A ZIP code has 5 digits, like 13202.")
    .transform((z) => z.slice(0, 5)),
  signerRole: z.enum(["", ...signerRoles], { error: messages.chooseOption }).transform((r) => (r === "" ? null : r)),
  showName: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  keepUpdated: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export type SignatureInput = z.infer<typeof signatureInputSchema>;

const requiredText = (what: string, max: number, lines: "one" | "many" = "one") =>
  (lines === "one" ? oneLineText : multiLineText)(max, { missing: `Please enter ${what}.`, tooLong: `Please keep ${what} under ${max.toLocaleString("en-US")} characters.` }).min(
    1,
    `Please enter ${what}.`,
  );

/** A person's letter to their legislators (the action form). */
export const campaignActionInputSchema = z.object({
  zip: signatureInputSchema.shape.zip,
  /** The congressional district chosen for a split ZIP, e.g. "NY-22". */
  district: oneLineText(8, { tooLong: messages.districtRequired }).optional().default(""),
  upperId: oneLineText(200).optional().default(""),
  lowerId: oneLineText(200).optional().default(""),
  letter: requiredText("the letter", 10_000, "many").refine((t) => t.length >= 40, "The letter is nearly empty: please keep at least a few sentences."),
  supporterLetter: multiLineText(10_000, { tooLong: messages.letterTooLong }).optional().default(""),
  story: multiLineText(5_000, { tooLong: messages.storyTooLong }).optional().default(""),
  name: signatureInputSchema.shape.name,
  email: emailAddressSchema,
  street: requiredText("your street address", 200).refine((s) => /\d/.test(s) && /[a-z]/i.test(s), messages.streetFormat),
  city: requiredText("your city", 100),
  keepUpdated: signatureInputSchema.shape.keepUpdated,
});
export type CampaignActionInput = z.infer<typeof campaignActionInputSchema>;

/** "I sent it" on a prepared letter (or taking it back): the letter, how, and the page's signed key (none when signed in). */
export const markLetterSentInputSchema = z.object({
  letter: z.coerce.number({ error: messages.chooseOption }).int().positive(messages.chooseOption),
  via: z.enum(["form", "phone", "undo"], { error: messages.chooseOption }),
  key: oneLineText(100).optional().default(""),
});
export type MarkLetterSentInput = z.infer<typeof markLetterSentInputSchema>;
/** The console's filter of one open letter's signatures (query parameters; a bad value is ignored). */
export const signatureFilterSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  role: z
    .enum([...signerRoles, "none"])
    .optional()
    .catch(undefined),
  status: z.enum(["confirmed", "pending"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type SignatureFilter = z.infer<typeof signatureFilterSchema>;

export const deliveryMethods = ["email", "post", "in-person", "online-form", "other"] as const;

/** Staff's record of delivering an open letter. */
export const deliveryInputSchema = z.object({
  recipient: oneLineText(150, { missing: messages.deliveryRecipientRequired }).min(2, messages.deliveryRecipientRequired),
  deliveredOn: z
    .string({ error: messages.deliveryDateRequired })
    .regex(/^\d{4}-\d{2}-\d{2}$/, messages.deliveryDateRequired)
    .refine((d) => !Number.isNaN(Date.parse(d)), messages.deliveryDateRequired),
  method: z.enum(deliveryMethods, { error: messages.chooseOption }),
  note: multiLineText(2000)
    .optional()
    .transform((n) => n ?? ""),
});
export type DeliveryInput = z.infer<typeof deliveryInputSchema>;
