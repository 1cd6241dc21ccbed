import type { Route } from "./+types/mail-events";
import { isWebhookSecret, recordMailEvents } from "~/domains/email/newsletters/mail-events-webhook.server";

// POST /api/mail-events: bounce and complaint reports from the mail provider (format in
// domains/email/newsletters/mail-events-webhook.server.ts and docs/decisions/0023). Authenticated
// by the shared secret MAIL_WEBHOOK_SECRET (Authorization: Bearer …); no session, no CSRF.
const off = () => Response.json({ error: { code: "NOT_FOUND", message: "This server takes no bounce reports: MAIL_WEBHOOK_SECRET is not set." } }, { status: 404 });

export async function loader() {
  return Response.json({ error: { code: "NOT_FOUND", message: "Bounce reports are sent here with POST." } }, { status: 404 });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, clock, mailWebhookSecret } = context.services;
  if (!mailWebhookSecret) return off();
  if (!isWebhookSecret(mailWebhookSecret, request.headers.get("authorization"))) return Response.json({ error: { code: "FORBIDDEN", message: "Wrong or missing secret." } }, { status: 403 });
  const text = await request.text();
  if (text.length > 1_000_000) return Response.json({ error: { code: "VALIDATION", message: "The body is too large (1 MB at most)." } }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: { code: "VALIDATION", message: "The body is not JSON." } }, { status: 400 });
  }
  const outcome = await recordMailEvents(db, body, clock());
  if (!outcome.ok) return Response.json({ error: { code: "VALIDATION", message: "The report is not in the expected format: see issues.", issues: outcome.issues } }, { status: 400 });
  return Response.json({ recorded: outcome.recorded, suppressed: outcome.suppressed });
}
