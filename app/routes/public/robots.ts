// robots.txt: everything public may be indexed; the console, accounts and search results may not.
import type { Route } from "./+types/robots";

export function loader({ context }: Route.LoaderArgs) {
  const body = ["User-agent: *", "Disallow: /admin", "Disallow: /account", "Disallow: /sign-in", "Disallow: /search", "", `Sitemap: ${context.services.appUrl}/sitemap.xml`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
