// Reads the site context owns: settings, figures, pages.
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { figures, pages, settings } from "~/db/schema/index";
import { officeHoursSchema, organisationSchema, publicCountersSchema, securitySchema, starterPublicCounters } from "./site.schema";
import type { OfficeHours, Organisation, PublicCounters, Security } from "./site.schema";
import { starterOfficeHours, starterOrganisation } from "./starter-content";

export type SiteSettings = { organisation: Organisation; officeHours: OfficeHours; security: Security; publicCounters: PublicCounters };

export async function getSiteSettings(db: Executor): Promise<SiteSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, ["organisation", "office_hours", "security", "public_counters"]));
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  // A missing or damaged row falls back to the starter value rather than taking the site down.
  const organisation = organisationSchema.safeParse(byKey.get("organisation"));
  const officeHours = officeHoursSchema.safeParse(byKey.get("office_hours"));
  const security = securitySchema.safeParse(byKey.get("security"));
  const publicCounters = publicCountersSchema.safeParse(byKey.get("public_counters"));
  return {
    organisation: organisation.success ? organisation.data : starterOrganisation,
    officeHours: officeHours.success ? officeHours.data : starterOfficeHours,
    security: security.success ? security.data : { requireSecondFactorForStaff: false },
    publicCounters: publicCounters.success ? publicCounters.data : starterPublicCounters,
  };
}

export async function listFigures(db: Executor) {
  return db.select().from(figures).orderBy(asc(figures.sortOrder), asc(figures.id));
}
export type Figure = Awaited<ReturnType<typeof listFigures>>[number];

export async function findPage(db: Executor, slug: string) {
  const [page] = await db.select().from(pages).where(eq(pages.slug, slug)).limit(1);
  return page ?? null;
}
