import { useEffect, useState } from "react";
import { data } from "react-router";
import type { Route } from "./+types/campaign-sent";
import { ProgressMeter } from "../../components/progress-meter";
import { ShareLinks } from "../../components/share-links";
import { findSentAction } from "../../../domains/advocacy/send-campaign-letter.server";
import { renderMarkdown } from "../../../platform/markdown.server";

export const meta: Route.MetaFunction = () => [{ title: "Your letters — AMG" }, { name: "robots", content: "noindex" }];

// The copy buttons need the browser; without JavaScript the letter can still be selected and copied.
export const handle = { hydrate: true };

export async function loader({ params, context }: Route.LoaderArgs) {
  // Not cached and not public: the page holds the person's letters and address; its random id is the key.
  const found = await findSentAction(context.services.db, params.slug, params.publicId);
  if (!found) throw data({ message: "We cannot find these letters." }, { status: 404 });
  const { campaign, action, messages } = found;
  return {
    campaign: { slug: campaign.slug, title: campaign.title, goal: campaign.goal, actions: campaign.actions, thankYouHtml: renderMarkdown(campaign.thankYouMarkdown) },
    shareUrl: `${context.services.appUrl}/act/${campaign.slug}`,
    name: action.name,
    messages: messages.map((m) => ({ id: m.id, to: `${m.targetTitle} ${m.targetName}`, district: m.district, delivery: m.delivery, subject: m.subject, text: m.constituentMessage, phone: m.phone, contactUrl: m.contactUrl, callScript: m.callScript })),
  };
}

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
  const { campaign, messages, name, shareUrl } = loaderData;
  const prepared = messages.filter((m) => m.delivery === "prepared");
  const emailed = messages.filter((m) => m.delivery === "email");
  return (
    <div className="page narrow">
      <h1>Thank you, {name.split(/\s+/)[0]}</h1>
      <div className="prose" dangerouslySetInnerHTML={{ __html: campaign.thankYouHtml }} />
      <ProgressMeter count={campaign.actions} goal={campaign.goal} noun={["person has written", "people have written"]} />
      {emailed.length ? (
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
            These offices take messages only through their own website or by phone, so we cannot send for you. Each letter is ready: copy it, open the
            office's contact form, and paste it. Or call: it takes a minute, and the script is below.
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
      <p>We sent you a copy of every letter by e-mail.</p>
    </div>
  );
}
