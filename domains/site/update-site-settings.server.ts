// Saves the organisation and office-hours settings (validated), and invalidates cached pages.
import { sql } from "drizzle-orm";
import { settings } from "~/db/schema/index";
import { AppError, toFieldErrors } from "~/platform/errors";
import type { Services } from "~/platform/services";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { announceContentChanged } from "./content-changed.server";
import { officeHoursSchema, organisationSchema, publicCountersSchema, securitySchema } from "./site.schema";
import type { SiteSettingsInput } from "./site.schema";

export async function updateSiteSettings({ db, clock, input, actor }: Pick<Services, "db" | "clock"> & { input: SiteSettingsInput; actor?: Actor }) {
  // The sections are checked again before anything is written (they are stored as JSON and read back
  // by every page), and every bad field is reported.
  const values: { key: string; value: unknown }[] = [];
  const fieldErrors: Record<string, string> = {};
  const sections = [
    ["organisation", organisationSchema, input.organisation],
    ["office_hours", officeHoursSchema, input.officeHours],
    ["security", securitySchema, input.security],
    ["public_counters", publicCountersSchema, input.publicCounters],
  ] as const;
  for (const [key, schema, raw] of sections) {
    if (raw === undefined) continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) values.push({ key, value: parsed.data });
    else Object.assign(fieldErrors, toFieldErrors(parsed.error.issues));
  }
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Invalid settings", fieldErrors);
  if (values.length === 0) return;
  const now = clock();
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values(values.map((v) => ({ ...v, updatedAt: now })))
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedAt: now } });
    await announceContentChanged(tx, "settings");
    if (actor)
      await recordAudit(tx, actor, {
        action: "settings.update",
        subjectType: "settings",
        subjectId: values.map((v) => v.key).join(","),
        details: Object.fromEntries(values.map((v) => [v.key, v.value])),
      });
  });
}
