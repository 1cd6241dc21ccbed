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
