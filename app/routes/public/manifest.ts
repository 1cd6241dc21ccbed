// The web app manifest: the organisation's name, colours and icons.
import { siteSettingsFor } from "~/app/site-settings.server";
import type { Route } from "./+types/manifest";

export async function loader({ context }: Route.LoaderArgs) {
  const { organisation } = await siteSettingsFor(context);
  const manifest = {
    name: organisation.name,
    short_name: organisation.shortName,
    description: organisation.tagline,
    start_url: "/",
    display: "browser",
    background_color: "#ffffff",
    theme_color: "#0b4f6c",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
  return new Response(JSON.stringify(manifest), { headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
