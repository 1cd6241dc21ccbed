// Who receives a newsletter: a union of parts (confirmed subscribers, members filtered by their
// profile, the people who acted in a campaign). Stored as JSON on the newsletter, validated here.
// Safe for the browser: the console's form is built from it.
import { z } from "zod";

export const memberStatuses = ["approved", "awaiting-review", "more-info-requested"] as const;
export const examNames = ["step1", "step2ck", "step3"] as const;
export const examResults = ["passed", "failed", "pending", "not-taken"] as const;

const state = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use two-letter state codes, like NY.");
const district = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}-(\d{1,2}|AL)$/, "Use districts like NY-10.");
const year = z.number().int().min(1950).max(2100);

export const memberFilterSchema = z.object({
  statuses: z.array(z.enum(memberStatuses)).max(3).default(["approved"]),
  states: z.array(state).max(60).default([]),
  districts: z.array(district).max(500).default([]),
  graduationFrom: year.optional(),
  graduationTo: year.optional(),
  exam: z.object({ name: z.enum(examNames), result: z.enum(examResults) }).optional(),
  specialty: z.string().trim().max(100).optional(),
});
export type MemberFilter = z.infer<typeof memberFilterSchema>;

export const audiencePartSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("subscribers") }),
  z.object({ kind: z.literal("members"), filter: memberFilterSchema.default({ statuses: ["approved"], states: [], districts: [] }) }),
  z.object({ kind: z.literal("mentors") }),
  z.object({ kind: z.literal("campaign-action"), campaignSlug: z.string().trim().min(1).max(200) }),
  /** Only for tests and the CLI's seeded benchmarks: explicit addresses. */
  z.object({ kind: z.literal("addresses"), emails: z.array(z.string().trim().toLowerCase().max(254)).min(1).max(50_000) }),
]);
export type AudiencePart = z.infer<typeof audiencePartSchema>;

export const audienceSchema = z.object({ parts: z.array(audiencePartSchema).min(1, "Choose at least one group of recipients.").max(10) });
export type Audience = z.infer<typeof audienceSchema>;

const examLabel: Record<(typeof examNames)[number], string> = { step1: "USMLE Step 1", step2ck: "USMLE Step 2 CK", step3: "USMLE Step 3" };
const statusLabel: Record<(typeof memberStatuses)[number], string> = {
  approved: "approved members",
  "awaiting-review": "applicants awaiting review",
  "more-info-requested": "applicants asked for more information",
};

/** The audience in words, for the console and the confirmation before sending (campaigns by their titles). */
export function describeAudience(audience: Audience, campaignTitles: Record<string, string> = {}): string {
  return audience.parts
    .map((part) => {
      if (part.kind === "subscribers") return "confirmed newsletter subscribers";
      if (part.kind === "mentors") return "approved mentors";
      if (part.kind === "campaign-action") return `people who took action in the campaign “${campaignTitles[part.campaignSlug] ?? part.campaignSlug}”`;
      if (part.kind === "addresses") return `${part.emails.length} listed addresses`;
      const f = part.filter;
      const bits = [f.statuses.map((s) => statusLabel[s]).join(" and ") || "members"];
      if (f.states.length) bits.push(`in ${f.states.join(", ")}`);
      if (f.districts.length) bits.push(`in districts ${f.districts.join(", ")}`);
      if (f.graduationFrom || f.graduationTo) bits.push(`who graduated ${f.graduationFrom ?? "…"}–${f.graduationTo ?? "…"}`);
      if (f.exam) bits.push(`whose ${examLabel[f.exam.name]} is ${f.exam.result.replace("-", " ")}`);
      if (f.specialty) bits.push(`interested in ${f.specialty}`);
      return bits.join(" ");
    })
    .join("; plus ");
}
