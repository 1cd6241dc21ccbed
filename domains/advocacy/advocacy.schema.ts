// Input schemas of the advocacy context (safe to import in the browser).
import { z } from "zod";
import { emailAddressSchema, multiLineText, oneLineText } from "../../platform/text-fields";

export const signerRoles = ["unmatched-graduate", "physician", "supporter"] as const;

export const signatureInputSchema = z.object({
  name: oneLineText(120, { missing: "Please enter your name.", tooLong: "Please keep your name under 120 characters." }).min(2, "Please enter your name."),
  email: emailAddressSchema,
  zip: z
    .string({ error: "Please enter your ZIP code." })
    .trim()
    .max(10, "A ZIP code has 5 digits, like 13202.")
    .regex(/^\d{5}(-\d{4})?$/, "A ZIP code has 5 digits, like 13202.")
    .transform((z) => z.slice(0, 5)),
  signerRole: z
    .enum(["", ...signerRoles], { error: "Please choose one of the options." })
    .transform((r) => (r === "" ? null : r)),
  showName: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export type SignatureInput = z.infer<typeof signatureInputSchema>;

const requiredText = (what: string, max: number, lines: "one" | "many" = "one") =>
  (lines === "one" ? oneLineText : multiLineText)(max, { missing: `Please enter ${what}.`, tooLong: `Please keep ${what} under ${max.toLocaleString("en-US")} characters.` }).min(1, `Please enter ${what}.`);

/** A person's letter to their legislators (the action form). */
export const campaignActionInputSchema = z.object({
  zip: signatureInputSchema.shape.zip,
  /** The congressional district chosen for a split ZIP, e.g. "NY-22". */
  district: oneLineText(8, { tooLong: "Please choose a district from the list." }).optional().default(""),
  upperId: oneLineText(200).optional().default(""),
  lowerId: oneLineText(200).optional().default(""),
  letter: requiredText("the letter", 10_000, "many").refine((t) => t.length >= 40, "The letter is nearly empty: please keep at least a few sentences."),
  supporterLetter: multiLineText(10_000, { tooLong: "Please keep the letter under 10,000 characters." }).optional().default(""),
  story: multiLineText(5_000, { tooLong: "Please keep your story under 5,000 characters." }).optional().default(""),
  name: signatureInputSchema.shape.name,
  email: emailAddressSchema,
  street: requiredText("your street address", 200).refine((s) => /\d/.test(s) && /[a-z]/i.test(s), "Please enter your street address with its number, like 120 Main St."),
  city: requiredText("your city", 100),
});
export type CampaignActionInput = z.infer<typeof campaignActionInputSchema>;
