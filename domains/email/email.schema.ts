// Input schemas of the email context (safe to import in the browser).
import { z } from "zod";
import { emailAddressSchema } from "~/platform/text-fields";

export const subscribeInputSchema = z.object({
  email: emailAddressSchema,
  source: z.enum(["footer", "newsletter-page"]).catch("newsletter-page"),
});
export type SubscribeInput = z.infer<typeof subscribeInputSchema>;

export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
