import { pageTitle } from "~/app/page-title";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/email-unsubscribe";
import { MailPreferencesFields, preferencesFromForm } from "~/app/components/mail-preferences-fields";
import { openMailLink, preferencesByLink, savePreferencesByLink, unsubscribeByLink } from "~/domains/email/newsletters/mail-links-actions.server";

// The link in every bulk e-mail (List-Unsubscribe). A mail client's RFC 8058 one-click POST
// ("List-Unsubscribe=One-Click") unsubscribes at once and answers without a page. Opening the link
// (GET) changes nothing (mail scanners open links): the page offers the button, the choice of
// lists, and once unsubscribed a way back. The signed token in the URL is the only credential.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Your e-mail choices"), { name: "robots", content: "noindex" }];

const topicLabel = { newsletter: "the newsletter", "campaign-alerts": "campaign alerts", "member-updates": "member updates" } as const;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { db, secretKey, clock } = context.services;
  const holder = await openMailLink(db, secretKey, params.token, clock());
  if (!holder.ok) return data({ ok: false as const, reason: holder.reason }, { status: holder.reason === "expired" ? 410 : 404 });
  const preferences = await preferencesByLink(db, holder);
  const done = new URL(request.url).searchParams.get("done");
  return { ok: true as const, email: holder.link.email, topic: holder.topic, preferences, done: done === "unsubscribed" || done === "saved" ? done : null };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { db, secretKey, clock } = context.services;
  const holder = await openMailLink(db, secretKey, params.token, clock());
  const formData = await request.formData();
  const oneClick = formData.get("List-Unsubscribe") === "One-Click";
  if (!holder.ok) return oneClick ? new Response("This unsubscribe link is not valid.", { status: 404 }) : data({ ok: false as const, reason: holder.reason }, { status: 404 });
  if (oneClick) {
    await unsubscribeByLink(db, holder, "one-click", clock());
    return new Response("You are unsubscribed.", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (formData.get("intent") === "preferences") {
    await savePreferencesByLink(db, holder, preferencesFromForm(formData), clock());
    return redirect(`/email/unsubscribe/${params.token}?done=saved`);
  }
  await unsubscribeByLink(db, holder, "unsubscribe page", clock());
  return redirect(`/email/unsubscribe/${params.token}?done=unsubscribed`);
}

export default function EmailUnsubscribe({ loaderData }: Route.ComponentProps) {
  if (!loaderData.ok) {
    return (
      <div className="page narrow">
        <h1>{loaderData.reason === "expired" ? "This link has expired" : "We could not read this link"}</h1>
        <p className="lead">
          Links in our e-mails work for about a year. You can change what you receive by signing in to <a href="/account">your account</a>, or write to us from the <a href="/contact">contact page</a>{" "}
          and we will take you off the list.
        </p>
      </div>
    );
  }
  const { email, topic, preferences, done } = loaderData;
  const stillOn = preferences[topic === "newsletter" ? "newsletter" : topic === "campaign-alerts" ? "campaignAlerts" : "memberUpdates"];
  return (
    <div className="page narrow">
      {done === "unsubscribed" || !stillOn ? (
        <>
          <h1>You are unsubscribed</h1>
          <p className="lead">
            <strong>{email}</strong> will receive no more of {topicLabel[topic]} from AMG.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="preferences" />
            <input type="hidden" name="newsletter" value={topic === "newsletter" || preferences.newsletter ? "on" : ""} />
            <input type="hidden" name="campaignAlerts" value={topic === "campaign-alerts" || preferences.campaignAlerts ? "on" : ""} />
            <input type="hidden" name="memberUpdates" value={topic === "member-updates" || preferences.memberUpdates ? "on" : ""} />
            <p>
              Unsubscribed by mistake? <button type="submit">Subscribe again</button>
            </p>
          </Form>
        </>
      ) : (
        <>
          <h1>Unsubscribe</h1>
          <p className="lead">
            Stop {topicLabel[topic]} for <strong>{email}</strong>?
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="unsubscribe" />
            <button type="submit">Unsubscribe</button>
          </Form>
        </>
      )}
      <h2>Choose what you receive</h2>
      {done === "saved" ? (
        <p role="status" className="notice">
          Your choices are saved.
        </p>
      ) : null}
      {preferences.suppressed && preferences.suppressed !== "unsubscribe" ? (
        <p className="notice">Mail to this address has stopped because earlier messages could not be delivered or were reported. Write to us to start again.</p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="preferences" />
        <MailPreferencesFields newsletter={preferences.newsletter} campaignAlerts={preferences.campaignAlerts} memberUpdates={preferences.memberUpdates} />
        <button type="submit">Save my choices</button>
      </Form>
      <p>Sign-in links, receipts and answers to your own messages are always sent: they are not mailings.</p>
    </div>
  );
}
