// Input schemas of publishing (the one domain file the browser may import).
import { z } from "zod";
import { multiLineText, oneLineText } from "~/platform/text-fields";
import { messages } from "./messages";
import { slugProblem } from "./rules";

const slugMessages = { empty: messages.slugFormat, format: messages.slugFormat, "too-long": messages.slugTooLong, reserved: messages.slugReserved } as const;

export const slugSchema = oneLineText(120)
  .toLowerCase()
  .superRefine((slug, ctx) => {
    if (slug === "") return;
    const problem = slugProblem(slug);
    if (problem) ctx.addIssue({ code: "custom", message: slugMessages[problem] });
  });

/** "2026-03-01T09:00" (a datetime-local field) or "2026-03-01 09:00"; empty = none. */
export const localDateTimeSchema = oneLineText(40).refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(v), messages.publishAtInvalid);

export const postIntents = ["draft", "publish", "unpublish", "preview"] as const;

export const postInputSchema = z.object({
  title: oneLineText(200).min(1, messages.titleRequired),
  slug: slugSchema.default(""),
  excerpt: multiLineText(500).default(""),
  body: multiLineText(100_000).default(""),
  category: oneLineText(80).default(""),
  tags: oneLineText(500).default(""),
  publishAt: localDateTimeSchema.default(""),
  featureImage: oneLineText(40).default(""),
  featureImageAlt: oneLineText(300).default(""),
  intent: z.enum(postIntents).default("draft"),
});
export type PostInput = z.output<typeof postInputSchema>;

export const taxonomyInputSchema = z.object({
  intent: z.enum(["rename", "merge", "delete", "create"]),
  kind: z.enum(["tag", "category"]),
  slug: oneLineText(120).default(""),
  name: oneLineText(80).default(""),
  into: oneLineText(120).default(""),
});
export type TaxonomyInput = z.output<typeof taxonomyInputSchema>;

export const authorInputSchema = z.object({
  displayName: oneLineText(120).min(1, messages.displayNameRequired),
  bio: multiLineText(1000).default(""),
  photo: oneLineText(40).default(""),
});
export type AuthorInput = z.output<typeof authorInputSchema>;

/** Tag names typed as "Match season, Mentors": trimmed, deduplicated by slug, at most 12. */
export function tagNamesOf(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of text.split(",")) {
    const name = raw.trim().slice(0, 60);
    const key = name.toLowerCase();
    if (name && !seen.has(key)) {
      seen.add(key);
      names.push(name);
    }
  }
  return names.slice(0, 12);
}
