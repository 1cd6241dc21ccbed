// The site's settings, read at most once per request (the layout, a guard and a page may all need them).
import type { AppLoadContext } from "react-router";
import { getSiteSettings } from "~/domains/site/queries.server";
import type { SiteSettings } from "~/domains/site/queries.server";

const byRequest = new WeakMap<AppLoadContext, Promise<SiteSettings>>();

export function siteSettingsFor(context: AppLoadContext): Promise<SiteSettings> {
  let found = byRequest.get(context);
  if (!found) {
    found = getSiteSettings(context.services.db);
    byRequest.set(context, found);
  }
  return found;
}
