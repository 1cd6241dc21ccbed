import { useEffect, useState } from "react";
import { pageTitle } from "~/app/page-title";
import { data } from "react-router";
import type { Route } from "./+types/campaign-sent";
import { ProgressMeter } from "~/app/components/progress-meter";
import { ShareLinks } from "~/app/components/share-links";
import { findHeldAction } from "~/domains/advocacy/campaigns/confirm-held-action.server";
import { findSentAction } from "~/domains/advocacy/campaigns/send-campaign-letter.server";
import { renderMarkdown } from "~/platform/markdown.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Your letters"), { name: "robots", content: "noindex" }];

// The copy buttons need the browser; without JavaScript the letter can still be selected and copied.
export const handle = { hydrate: true };

type Letter = { id: string; to: string; district: string; delivery: "email" | "prepared"; subject: string; text: string; phone: string | null; contactUrl: string | null; callScript: string | null };

export async function loader({ params, context }: Route.LoaderArgs) {
  // Not cached and not public: the page holds the person's letters and address; its random id is the key.
  const { db, appUrl, clock } = context.services;
  const campaignOf = (c: { slug: string; title: string; goal: number; actions: number; thankYouMarkdown: string }) => ({
    slug: c.slug,
    title: c.title,
    goal: c.goal,
    actions: c.actions,
    thankYouHtml: renderMarkdown(c.thankYouMarkdown),
  });
  const found = await findSentAction(db, params.slug, params.publicId);
  if (found) {
    const { campaign, action, messages } = found;
    return {
      campaign: campaignOf(campaign),
      shareUrl: `${appUrl}/act/${campaign.slug}`,
      name: action.name,
      status: "sent" as "sent" | "waiting" | "confirmed" | "expired",
      email: null as string | null,
      messages: messages.map(
        (m): Letter => ({
          id: String(m.id),
          to: `${m.targetTitle} ${m.targetName}`,
          district: m.district,
          delivery: m.delivery,
          subject: m.subject,
          text: m.constituentMessage,
          phone: m.phone,
          contactUrl: m.contactUrl,
          callScript: m.callScript,
        }),
      ),
    };
  }
  // Letters from a browser not signed in as the address: only what was typed with them, and what waits for the link.
  const held = await findHeldAction(db, params.slug, params.publicId, clock());
  if (!held) throw data({ message: "We cannot find these letters." }, { status: 404 });
  return {
    campaign: campaignOf(held.campaign),
    shareUrl: `${appUrl}/act/${held.campaign.slug}`,
    name: held.held.name,
    status: held.status,
    email: held.held.email,
    messages: held.held.letters.map(
      (l, i): Letter => ({
        id: `held-${i}`,
        to: `${l.targetTitle} ${l.targetName}`,
        district: l.district,
        delivery: l.delivery,
        subject: l.subject,
        text: l.constituentMessage,
        phone: l.phone,
        contactUrl: l.contactUrl,
        callScript: l.callScript,
      }),
    ),
  };
}

/** "A", "A and B", "A, B and C". */
const listed = (names: string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/** Shown once the page runs JavaScript (without it the letter's text is selected and copied by hand). */
function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const [canCopy, setCanCopy] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  if (!canCopy) return null;
  return (
    <button
      type="button"
      className="button-secondary no-print"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? "Copied" : "Copy the letter"}
    </button>
  );
}

export default function CampaignSent({ loaderData }: Route.ComponentProps) {
  const { campaign, messages, name, shareUrl, status, email } = loaderData;
  const prepared = messages.filter((m) => m.delivery === "prepared");
  const emailed = messages.filter((m) => m.delivery === "email");
  const offices = listed(emailed.map((m) => m.to));
  return (
    <div className="page narrow">
      <h1>Thank you, {name.split(/\s+/)[0]}</h1>
      {status === "waiting" ? (
        <div className="notice" role="status">
          <p>
            <strong>One more step: check your e-mail.</strong> We e-mailed a link to {email}.{" "}
            {emailed.length ? `Your letters to ${offices} go out when you open it: nothing is sent to them before.` : "Your letters count in the campaign once you open it."} The link works for 3 days.
          </p>
          {prepared.length ? <p>The letters below for you to send are ready now: you do not need to wait for the link.</p> : null}
        </div>
      ) : status === "confirmed" ? (
        <div className="notice" role="status">
          <p>You confirmed these letters{emailed.length ? `: they went out to ${offices}` : ""}. Your letters are also in the e-mail we sent you.</p>
        </div>
      ) : status === "expired" ? (
        <div className="notice" role="status">
          <p>The link we e-mailed for these letters has expired, so {emailed.length ? `nothing was sent to ${offices}` : "they were not counted"}. Write again to get a new link.</p>
        </div>
      ) : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered and sanitised by platform/markdown.server.ts (sanitize-html) */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: campaign.thankYouHtml }} />
      <ProgressMeter count={campaign.actions} goal={campaign.goal} noun={["person has written", "people have written"]} />
      {emailed.length && status === "sent" ? (
        <section aria-labelledby="emailed-heading">
          <h2 id="emailed-heading">Sent by e-mail</h2>
          <ul className="target-list">
            {emailed.map((m) => (
              <li key={m.id}>
                <strong>{m.to}</strong> ({m.district}): your letter is on its way to the office, with your e-mail address to reply to.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {prepared.length ? (
        <section aria-labelledby="prepared-heading">
          <h2 id="prepared-heading">{prepared.length === 1 ? "One letter" : `${prepared.length} letters`} for you to send</h2>
          <p>
            These offices take messages only through their own website or by phone, so we cannot send for you. Each letter is ready: copy it, open the office's contact form, and paste it. Or call: it
            takes a minute, and the script is below.
          </p>
          {prepared.map((m) => (
            <article key={m.id} className="sent-letter" aria-labelledby={`letter-${m.id}`}>
              <h3 id={`letter-${m.id}`}>
                {m.to} <span className="hint">({m.district})</span>
              </h3>
              <label htmlFor={`text-${m.id}`}>Your letter (subject: {m.subject})</label>
              <textarea id={`text-${m.id}`} readOnly rows={10} value={m.text} />
              <p>
                <CopyButton text={m.text} />{" "}
                {m.contactUrl ? (
                  <a href={m.contactUrl} rel="noopener" className="button-link">
                    Open the office's contact form
                  </a>
                ) : null}
              </p>
              {m.phone ? (
                <details>
                  <summary>Or call the office: the number and what to say</summary>
                  <p>
                    <a href={`tel:${m.phone.replace(/[^\d+]/g, "")}`}>{m.phone}</a>
                  </p>
                  {m.callScript ? <p className="call-script">{m.callScript}</p> : null}
                </details>
              ) : null}
            </article>
          ))}
        </section>
      ) : null}
      <h2>Ask others to write</h2>
      <ShareLinks url={shareUrl} title={campaign.title} text={`I just wrote to my legislators: “${campaign.title}”. It takes two minutes:`} />
      {status === "sent" ? <p>We sent you a copy of every letter by e-mail.</p> : null}
    </div>
  );
}
