// Input schemas of the accounts context (safe to import in the browser).
import { z } from "zod";
import { emailAddressSchema } from "../../platform/text-fields";

export const roles = ["member", "mentor", "staff", "admin"] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles, { error: "Choose one of: member, mentor, staff, admin." });

export const signInRequestSchema = z.object({ email: emailAddressSchema });

export const signInCodeSchema = z.object({
  code: z
    .string({ error: "Please type the 6-digit code from the e-mail." })
    .trim()
    .transform((c) => c.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "The code has 6 digits, like 123456.")),
});

export const changeRoleSchema = z.object({
  personId: z.string().min(1).max(40),
  role: roleSchema,
  intent: z.enum(["grant", "revoke"]),
});

export const addPersonSchema = z.object({ email: emailAddressSchema, role: roleSchema });
