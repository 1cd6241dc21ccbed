// The explicit route table: one module per URL, grouped by audience.
import type { RouteConfig } from "@react-router/dev/routes";
import { index, route } from "@react-router/dev/routes";

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
  route("letters", "routes/act/letters.tsx"),
  route("healthz", "routes/public/healthz.ts"),
  route("*", "routes/public/not-found.tsx"),
] satisfies RouteConfig;
