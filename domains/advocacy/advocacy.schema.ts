// Input schemas of the advocacy context (safe to import in the browser).
import { z } from "zod";
import { emailAddressSchema } from "../site/site.schema";

export const signerRoles = ["unmatched-graduate", "physician", "supporter"] as const;

export const signatureInputSchema = z.object({
  name: z.string({ error: "Please enter your name." }).trim().min(2, "Please enter your name.").max(120, "Please keep your name under 120 characters."),
  email: emailAddressSchema,
  zip: z
    .string({ error: "Please enter your ZIP code." })
    .trim()
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

const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Please enter ${what}.` })
    .trim()
    .min(1, `Please enter ${what}.`)
    .max(max, `Please keep ${what} under ${max} characters.`);

/** A person's letter to their legislators (the action form). */
export const campaignActionInputSchema = z.object({
  zip: signatureInputSchema.shape.zip,
  /** The congressional district chosen for a split ZIP, e.g. "NY-22". */
  district: z.string().trim().max(8).optional().default(""),
  upperId: z.string().trim().max(200).optional().default(""),
  lowerId: z.string().trim().max(200).optional().default(""),
  letter: requiredText("the letter", 10_000).refine((t) => t.length >= 40, "The letter is nearly empty: please keep at least a few sentences."),
  supporterLetter: z.string().trim().max(10_000, "Please keep the letter under 10,000 characters.").optional().default(""),
  story: z.string().trim().max(5_000, "Please keep your story under 5,000 characters.").optional().default(""),
  name: signatureInputSchema.shape.name,
  email: emailAddressSchema,
  street: requiredText("your street address", 200).refine((s) => /\d/.test(s) && /[a-z]/i.test(s), "Please enter your street address with its number, like 120 Main St."),
  city: requiredText("your city", 100),
});
export type CampaignActionInput = z.infer<typeof campaignActionInputSchema>;
