import type { Route } from "./+types/theme-css";
import { siteSettingsFor } from "~/app/site-settings.server";
import { brandStylesheet } from "~/domains/site/brand";

// The organisation's colours from the settings as CSS custom properties. A stylesheet of its own
// (the policy allows no inline styles); pages link it with the colours' version in the query, so a
// browser may keep it while the colours stay the same.
export async function loader({ context }: Route.LoaderArgs) {
  const { organisation } = await siteSettingsFor(context);
  return new Response(brandStylesheet(organisation), { headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
