// The site's icons: /favicon.ico and the PNGs of the web app manifest (platform/site-icon.server.ts).
import { siteSettingsFor } from "~/app/site-settings.server";
import { icoOf, iconPng } from "~/platform/site-icon.server";
import type { Route } from "./+types/site-icon";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { organisation } = await siteSettingsFor(context);
  const path = new URL(request.url).pathname;
  const headers = { "Cache-Control": "public, max-age=86400" };
  if (path === "/favicon.ico") return new Response(new Uint8Array(icoOf(await iconPng(32, organisation.shortName), 32)), { headers: { ...headers, "Content-Type": "image/x-icon" } });
  const size = path === "/icon-192.png" ? 192 : 512;
  return new Response(new Uint8Array(await iconPng(size, organisation.shortName)), { headers: { ...headers, "Content-Type": "image/png" } });
}
