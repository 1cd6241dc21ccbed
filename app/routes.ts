// The explicit route table: one module per URL, grouped by audience.
import type { RouteConfig } from "@react-router/dev/routes";
import { index, layout, prefix, route } from "@react-router/dev/routes";

export default [
  index("routes/public/home.tsx"),
  route("about", "routes/public/about.tsx"),
  route("numbers", "routes/public/numbers.tsx"),
  route("contact", "routes/public/contact.tsx"),
  route("contact/sent", "routes/public/contact-sent.tsx"),
  route("newsletter", "routes/public/newsletter.tsx"),
  route("newsletter/check-email", "routes/public/newsletter-check-email.tsx"),
  route("newsletter/confirm", "routes/public/newsletter-confirm.tsx"),
  route("newsletter/confirmed", "routes/public/newsletter-confirmed.tsx"),
  route("unsubscribe", "routes/public/unsubscribe.tsx"),
  route("join", "routes/join/join.tsx"),
  route("act", "routes/act/act.tsx"),
  route("act/state/:state", "routes/act/state-legislators.tsx"),
  route("api/legislators", "routes/api/legislators.ts"),
  route("letters", "routes/act/letters.tsx"),
  route("sign-in", "routes/account/sign-in.tsx"),
  route("sign-in/check", "routes/account/sign-in-check.tsx"),
  route("sign-in/verify", "routes/account/sign-in-verify.tsx"),
  route("sign-in/two-factor", "routes/account/sign-in-two-factor.tsx"),
  route("sign-out", "routes/account/sign-out.tsx"),
  route("account", "routes/account/account.tsx"),
  route("account/two-factor", "routes/account/two-factor.tsx"),
  ...prefix("admin", [
    layout("routes/admin/layout.tsx", [
      index("routes/admin/dashboard.tsx"),
      route("inbox", "routes/admin/inbox.tsx"),
      route("inbox/:publicId", "routes/admin/inbox-message.tsx"),
      route("subscribers", "routes/admin/subscribers.tsx"),
      route("outbox", "routes/admin/outbox.tsx"),
      route("people", "routes/admin/people.tsx"),
      route("people/:publicId", "routes/admin/person.tsx"),
      route("audit", "routes/admin/audit.tsx"),
      route("settings", "routes/admin/settings.tsx"),
    ]),
  ]),
  route("admin/subscribers.csv", "routes/admin/subscribers-export.ts"),
  route("healthz", "routes/public/healthz.ts"),
  route("*", "routes/public/not-found.tsx"),
] satisfies RouteConfig;
