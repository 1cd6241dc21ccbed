// Saves the organisation and office-hours settings (validated), and invalidates cached pages.
import { sql } from "drizzle-orm";
import { settings } from "../../db/schema/index";
import { AppError, toFieldErrors } from "../../platform/errors";
import type { Services } from "../../platform/services";
import { announceContentChanged } from "./content-changed.server";
import { officeHoursSchema, organisationSchema } from "./site.schema";

export async function updateSiteSettings({ db, clock, input }: Pick<Services, "db" | "clock"> & { input: { organisation?: unknown; officeHours?: unknown } }) {
  const values: { key: string; value: unknown }[] = [];
  if (input.organisation !== undefined) {
    const parsed = organisationSchema.safeParse(input.organisation);
    if (!parsed.success) throw new AppError("VALIDATION", "Invalid organisation settings", toFieldErrors(parsed.error.issues));
    values.push({ key: "organisation", value: parsed.data });
  }
  if (input.officeHours !== undefined) {
    const parsed = officeHoursSchema.safeParse(input.officeHours);
    if (!parsed.success) throw new AppError("VALIDATION", "Invalid office hours", toFieldErrors(parsed.error.issues));
    values.push({ key: "office_hours", value: parsed.data });
  }
  if (values.length === 0) return;
  const now = clock();
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values(values.map((v) => ({ ...v, updatedAt: now })))
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedAt: now } });
    await announceContentChanged(tx, "settings");
  });
}
