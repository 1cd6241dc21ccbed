import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/dashboard";
import { formatCount } from "~/app/format";
import { requireStaff } from "~/app/session.server";
import { countActionsSince } from "~/domains/advocacy/campaigns/campaigns.server";
import { signatureTotals } from "~/domains/advocacy/open-letters/open-letter-signatures.server";
import { subscriberTotals } from "~/domains/email/subscriber-admin.server";
import { countAwaitingReview } from "~/domains/membership/review-application.server";
import { contactTotals } from "~/domains/site/contact-inbox.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Dashboard", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const { db, clock } = args.context.services;
  const weekAgo = new Date(clock().getTime() - 7 * 86_400_000);
  const [contacts, subscribers, applicationsWaiting, lettersThisWeek, signatures] = await Promise.all([
    contactTotals(db, weekAgo),
    subscriberTotals(db, weekAgo),
    countAwaitingReview(db),
    countActionsSince(db, weekAgo),
    signatureTotals(db, weekAgo),
  ]);
  return {
    applicationsWaiting,
    lettersThisWeek,
    newMessages: contacts.waiting,
    messagesThisWeek: contacts.receivedSince,
    subscribersThisWeek: subscribers.signedUpSince,
    activeSubscribers: subscribers.active,
    signaturesThisWeek: signatures.confirmedSince,
  };
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const cards = [
    { value: loaderData.applicationsWaiting, label: "membership applications waiting for review", to: "/admin/applications", action: "Review them" },
    { value: loaderData.newMessages, label: "contact messages waiting for an answer", to: "/admin/inbox?status=new", action: "Answer them" },
    { value: loaderData.messagesThisWeek, label: "contact messages this week", to: "/admin/inbox", action: "Open the inbox" },
    { value: loaderData.lettersThisWeek, label: "people wrote to their legislators this week", to: "/admin/campaigns", action: "See the campaigns" },
    { value: loaderData.signaturesThisWeek, label: "open-letter signatures confirmed this week", to: "/admin/open-letters", action: "See the signatures" },
    { value: loaderData.subscribersThisWeek, label: "new newsletter sign-ups this week", to: "/admin/subscribers", action: "See subscribers" },
    { value: loaderData.activeSubscribers, label: "confirmed subscribers in all", to: "/admin/subscribers?status=active", action: "See the list" },
  ];
  return (
    <>
      <h1>Dashboard</h1>
      <ul className="stat-grid">
        {cards.map((c) => (
          <li key={c.label} className="stat-card">
            <span className="stat-value">{formatCount(c.value)}</span>
            <span>{c.label}</span>
            <Link to={c.to}>{c.action}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
