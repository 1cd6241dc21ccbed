// Staff create and edit campaigns of both kinds. Letters may only use placeholders that exist;
// dates, targets and states are checked; every save is audited and refreshes the public pages.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { multiLineText, oneLineText } from "~/platform/text-fields";
import type { Database } from "~/db/client.server";
import { campaigns } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { announceContentChanged } from "~/domains/site/content-changed.server";
import { targetKinds, unknownPlaceholders } from "./campaign-rules";
import { forgetCampaignMemos } from "./campaigns.server";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { messages } from "~/domains/advocacy/messages";

const text = (max: number, message?: string) => {
  const base = max > 300 ? multiLineText(max) : oneLineText(max);
  return message ? base.min(1, message) : base;
};
const placeholdersOk = (value: string) => unknownPlaceholders(value).length === 0;
const placeholderMessage = (value: string) =>
  `Unknown placeholder: ${unknownPlaceholders(value)
    .map((p) => `{{${p}}}`)
    .join(", ")}.`;
const withPlaceholders = (max: number, required?: string) =>
  text(max, required).superRefine((v, ctx) => (placeholdersOk(v) ? undefined : ctx.addIssue({ code: "custom", message: placeholderMessage(v) })));
const optionalDate = z
  .string()
  .max(40, messages.dateFormat)
  .trim()
  // A real calendar day: Date.parse takes 2020-02-31 (as 2 March), which PostgreSQL's date refuses.
  .refine((v) => v === "" || z.iso.date().safeParse(v).success, messages.dateFormat)
  .transform((v) => (v === "" ? null : v));
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

export const campaignInputSchema = z
  .object({
    kind: z.enum(["open-letter", "legislator-letter"], { error: messages.campaignKindRequired }),
    slug: z
      .string()
      .max(200, messages.slugTooLong)
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, messages.slugFormat)
      .max(60, messages.slugTooLong)
      .refine((s) => !["state", "new", "confirm"].includes(s), messages.slugReserved),
    title: text(160, messages.campaignTitleRequired),
    addressee: text(200, messages.addresseeRequired),
    summary: text(300, messages.summaryRequired),
    backgroundMarkdown: text(20_000),
    letterSubject: withPlaceholders(200),
    letterMarkdown: withPlaceholders(10_000, messages.letterRequired),
    supporterLetterMarkdown: withPlaceholders(10_000),
    /** The supporter letter's own subject (a thank-you), so a supporter's subject matches the text. */
    supporterLetterSubject: withPlaceholders(200).optional().default(""),
    organisationStatement: text(3_000),
    talkingPoints: text(5_000),
    phoneScript: withPlaceholders(3_000),
    thankYouMarkdown: text(5_000),
    targets: z
      .string()
      .max(500, messages.unknownTarget)
      .default("")
      .transform((v) => v.split(",").filter(Boolean))
      .pipe(z.array(z.enum(targetKinds, { error: messages.unknownTarget }))),
    targetStates: z
      .string()
      .max(1000, messages.stateCodesFormat)
      .default("")
      .transform((v) => [
        ...new Set(
          v
            .toUpperCase()
            .split(/[\s,]+/)
            .filter(Boolean),
        ),
      ])
      .superRefine((codes, ctx) => {
        const unknown = codes.filter((c) => !stateNames[c]);
        if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown state code: ${unknown.join(", ")}. Use two-letter codes like NY, TX.` });
      }),
    bill: text(100),
    usesStatePathways: checkbox,
    startsOn: optionalDate,
    endsOn: optionalDate,
    goal: z.coerce.number({ error: messages.goalRequired }).int(messages.wholeNumber).min(1, "The goal must be at least 1.").max(10_000_000, messages.goalTooLarge),
    sortOrder: z.coerce.number({ error: messages.numberRequired }).int(messages.wholeNumber).min(-1_000_000, messages.numberTooLarge).max(1_000_000, messages.numberTooLarge).default(0),
    isPublished: checkbox,
  })
  // Checks across fields, made even when other fields have problems (`when`), so all show together;
  // a field that failed holds what was typed, hence the type checks.
  .superRefine(
    (c, ctx) => {
      if (c.kind === "legislator-letter" && Array.isArray(c.targets) && c.targets.length === 0) ctx.addIssue({ code: "custom", path: ["targets"], message: messages.campaignTargetsRequired });
      if (typeof c.startsOn === "string" && typeof c.endsOn === "string" && c.startsOn && c.endsOn && c.endsOn < c.startsOn)
        ctx.addIssue({ code: "custom", path: ["endsOn"], message: messages.campaignEndsBeforeStart });
    },
    { when: () => true },
  );
export type CampaignInput = z.infer<typeof campaignInputSchema>;

async function slugTaken(db: Database, slug: string, exceptId?: number) {
  const [row] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)).limit(1);
  return row !== undefined && row.id !== exceptId;
}

export async function createCampaign(db: Database, actor: Actor, input: CampaignInput, now: Date): Promise<string> {
  if (await slugTaken(db, input.slug)) throw new AppError("CONFLICT", "Slug taken", { slug: messages.campaignSlugTaken });
  await db.transaction(async (tx) => {
    await tx.insert(campaigns).values({ ...input, createdAt: now, updatedAt: now });
    await recordAudit(tx, actor, { action: "campaign.create", subjectType: "campaign", subjectId: input.slug, details: { title: input.title, kind: input.kind } });
    await announceContentChanged(tx, "campaigns");
  });
  forgetCampaignMemos(db);
  return input.slug;
}

export async function updateCampaign(db: Database, actor: Actor, slug: string, input: CampaignInput, now: Date): Promise<string> {
  const [existing] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)).limit(1);
  if (!existing) throw new AppError("NOT_FOUND", messages.noSuchCampaignRecord);
  if (await slugTaken(db, input.slug, existing.id)) throw new AppError("CONFLICT", "Slug taken", { slug: messages.campaignSlugTaken });
  await db.transaction(async (tx) => {
    await tx
      .update(campaigns)
      .set({ ...input, updatedAt: now })
      .where(eq(campaigns.id, existing.id));
    await recordAudit(tx, actor, {
      action: "campaign.update",
      subjectType: "campaign",
      subjectId: input.slug,
      details: { title: input.title, isPublished: input.isPublished, renamedFrom: slug === input.slug ? undefined : slug },
    });
    await announceContentChanged(tx, "campaigns");
  });
  forgetCampaignMemos(db);
  return input.slug;
}
