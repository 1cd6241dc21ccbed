// Input schemas of the accounts context (safe to import in the browser).
import { z } from "zod";
import { emailAddressSchema } from "~/platform/text-fields";
import { messages } from "./messages";

export const roles = ["member", "mentor", "staff", "admin"] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles, { error: messages.chooseRole });

export const signInRequestSchema = z.object({ email: emailAddressSchema });

export const signInCodeSchema = z.object({
  code: z
    .string({ error: messages.codeMissing })
    .trim()
    .transform((c) => c.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, messages.codeFormat)),
});

export const changeRoleSchema = z.object({
  personId: z.string().min(1).max(40),
  role: roleSchema,
  intent: z.enum(["grant", "revoke"]),
});

/** An authenticator code or a recovery code, as typed (the use case reads either). */
export const secondFactorCodeSchema = z.object({ code: z.string({ error: messages.secondFactorMissing }).trim().min(1, messages.secondFactorMissing).max(64, messages.secondFactorMissing) });

export const addPersonSchema = z.object({ email: emailAddressSchema, role: roleSchema });
