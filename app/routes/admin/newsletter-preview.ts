import { orErrorPage } from "~/app/form-data";
import type { Route } from "./+types/newsletter-preview";
import { requireStaff } from "~/app/session.server";
import { findNewsletter, renderForPreview } from "~/domains/email/newsletters/manage-newsletters.server";
import { personalise } from "~/domains/email/newsletters/render.server";

// The saved newsletter as recipients will see it (the MJML-rendered HTML), or ?format=text for
// the plain-text part. Shown in a sandboxed frame on the compose page.
export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const { db, appUrl } = args.context.services;
  const row = await orErrorPage(() => findNewsletter(db, args.params.publicId));
  const rendered = personalise(await renderForPreview(db, row, appUrl), `${appUrl}/account/email-preferences`);
  if (new URL(args.request.url).searchParams.get("format") === "text") return new Response(rendered.text, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(rendered.html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'" },
  });
}
