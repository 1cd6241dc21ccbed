import { useEffect, useState } from "react";
import { pageTitle } from "~/app/page-title";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/campaign-sent";
import { NextSteps } from "~/app/components/next-steps";
import { ProgressMeter } from "~/app/components/progress-meter";
import { parseForm, rateLimitedForm } from "~/app/form-data";
import { getViewer } from "~/app/session.server";
import { siteSettingsFor } from "~/app/site-settings.server";
import { markLetterSentInputSchema } from "~/domains/advocacy/advocacy.schema";
import { findHeldAction } from "~/domains/advocacy/campaigns/confirm-held-action.server";
import { inCardOrder, letterStanding, needsWriter, sentHeadline } from "~/domains/advocacy/campaigns/delivery-rules";
import type { LetterStanding } from "~/domains/advocacy/campaigns/delivery-rules";
import { canSeeLetters, isLetterPageKey, letterPageKey, sentPagePath } from "~/domains/advocacy/campaigns/letter-links";
import { markLetterSent } from "~/domains/advocacy/campaigns/mark-letter-sent.server";
import { findSentAction } from "~/domains/advocacy/campaigns/send-campaign-letter.server";
import { messages as advocacyMessages } from "~/domains/advocacy/messages";
import { listOpenLetters } from "~/domains/advocacy/open-letters/open-letters.server";
import { renderMarkdown } from "~/platform/markdown.server";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, d?.headline ?? "Your letters"), { name: "robots", content: "noindex" }];

// The copy buttons need the browser; without JavaScript the letter can still be selected and copied.
export const handle = { hydrate: true };

type Letter = {
  id: string;
  /** The stored letter's id ("I sent it"); null for a held letter. */
  messageId: number | null;
  to: string;
  district: string;
  standing: LetterStanding;
  reportedVia: "form" | "phone" | null;
  reportedOn: string | null;
  subject: string;
  text: string;
  phone: string | null;
  contactUrl: string | null;
  website: string | null;
  callScript: string | null;
};

const proofOf = async (args: Route.LoaderArgs | Route.ActionArgs, key: string | null) => {
  const viewer = await getViewer(args);
  return { viewerEmail: viewer && !viewer.secondFactorPending ? viewer.email : null, key };
};

export async function loader(args: Route.LoaderArgs) {
  const { params, context, request } = args;
  // Not cached and not public: the page holds the person's letters and address. Its random id finds
  // them; only a browser that proved the address (session or the signed link) sees them.
  const { db, appUrl, clock, secretKey } = context.services;
  const { publicCounters } = await siteSettingsFor(context);
  const [openLetter] = await listOpenLetters(db);
  const campaignOf = (c: { slug: string; title: string; goal: number; actions: number; thankYouMarkdown: string }) => ({
    slug: c.slug,
    title: c.title,
    goal: c.goal,
    actions: c.actions,
    thankYouHtml: renderMarkdown(c.thankYouMarkdown),
  });
  const common = (c: { slug: string }) => ({
    shareUrl: `${appUrl}/act/${c.slug}`,
    threshold: publicCounters.threshold,
    openLetter: openLetter ? { href: `/letters/${openLetter.slug}`, title: openLetter.title } : null,
  });
  const key = new URL(request.url).searchParams.get("key");
  const found = await findSentAction(db, params.slug, params.publicId);
  if (found) {
    const { campaign, action, messages } = found;
    if (!canSeeLetters(secretKey, action, await proofOf(args, key))) {
      return { ...common(campaign), campaign: campaignOf(campaign), isPrivate: true as const, headline: "Your letters" };
    }
    const letters = inCardOrder(messages).map(
      (m): Letter => ({
        id: String(m.id),
        messageId: m.id,
        to: `${m.targetTitle} ${m.targetName}`,
        district: m.district,
        standing: letterStanding({ delivery: m.delivery, outbox: m.outbox, reportedSentAt: m.reportedSentAt }),
        reportedVia: m.reportedVia,
        reportedOn: m.reportedSentAt ? m.reportedSentAt.toISOString().slice(0, 10) : null,
        subject: m.subject,
        text: m.constituentMessage,
        phone: m.phone,
        contactUrl: m.contactUrl,
        // Letters stored before the office's site was kept apart hold it in contactUrl: never call a home page a form.
        website: m.website,
        callScript: m.callScript,
      }),
    );
    const facts = messages.map((m) => ({ delivery: m.delivery, outbox: m.outbox, reportedSentAt: m.reportedSentAt }));
    return {
      ...common(campaign),
      isPrivate: false as const,
      campaign: campaignOf(campaign),
      name: action.name,
      status: "sent" as "sent" | "waiting" | "confirmed" | "expired",
      email: null as string | null,
      // The page's signed key rides in its forms (for a signed-in writer too): it is what a form from
      // another site cannot know, so it doubles as the form's CSRF token.
      key: letterPageKey(secretKey, action.publicId),
      headline: sentHeadline(facts),
      waiting: facts.filter(needsWriter).length,
      letters,
    };
  }
  // Letters from a browser not signed in as the address: only what was typed with them, and what waits for the link.
  const held = await findHeldAction(db, params.slug, params.publicId, clock());
  if (!held) throw data({ message: "We cannot find these letters." }, { status: 404 });
  const isHeld = held.status !== "confirmed";
  const facts = held.held.letters.map((l) => ({ delivery: l.delivery, reportedSentAt: null, isHeld, outbox: isHeld ? undefined : ("queued" as const) }));
  return {
    ...common(held.campaign),
    isPrivate: false as const,
    campaign: campaignOf(held.campaign),
    name: held.held.name,
    status: held.status,
    email: held.held.email,
    key: "",
    headline: sentHeadline(facts),
    waiting: facts.filter(needsWriter).length,
    letters: inCardOrder(held.held.letters).map(
      (l, i): Letter => ({
        id: `held-${i}`,
        messageId: null,
        to: `${l.targetTitle} ${l.targetName}`,
        district: l.district,
        standing: letterStanding({ delivery: l.delivery, reportedSentAt: null, isHeld, outbox: isHeld ? undefined : "queued" }),
        reportedVia: null,
        reportedOn: null,
        subject: l.subject,
        text: l.constituentMessage,
        phone: l.phone,
        contactUrl: l.contactUrl,
        website: l.website ?? null,
        callScript: l.callScript,
      }),
    ),
  };
}

/** "I sent it" (through the form, or by phone), or taking it back: only for a browser that proved the address. */
export async function action(args: Route.ActionArgs) {
  const { params, request, context } = args;
  const { db, clock, secretKey } = context.services;
  const form = parseForm(await request.formData(), markLetterSentInputSchema);
  if (!form.ok) return form.response;
  const found = await findSentAction(db, params.slug, params.publicId);
  // Only the page's signed key (given to the writer's session or in the writer's mail) marks letters.
  if (!found || !isLetterPageKey(secretKey, found.action.publicId, form.value.key)) {
    throw data({ message: "We cannot find these letters." }, { status: 404 });
  }
  const outcome = await markLetterSent({ db, now: clock(), ip: context.clientIp, actionId: found.action.id, messageId: form.value.letter, via: form.value.via });
  if (!outcome.ok && outcome.reason === "rate-limited") return rateLimitedForm(advocacyMessages.markSentRateLimited, outcome.retryAfterSeconds, form.values);
  if (!outcome.ok) throw data({ message: "We cannot find this letter." }, { status: 404 });
  return redirect(sentPagePath(secretKey, params.slug, params.publicId, form.value.letter));
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

const emailedWords: Partial<Record<LetterStanding, string>> = {
  delivered: "Delivered by e-mail, with your address to reply to.",
  sending: "On its way by e-mail, with your address to reply to.",
  "kept in outbox": "Kept in AMG's outbox: our staff send it on.",
  failed: "The e-mail to this office failed: our staff will deliver it with the office's packet.",
  "waiting for your link": "Goes out by e-mail once you open the link we e-mailed you.",
};

function MarkSent({ letter, pageKey }: { letter: Letter; pageKey: string }) {
  if (letter.messageId === null) return null;
  if (letter.standing === "reported sent") {
    return (
      <Form method="post" className="inline-form">
        <p className="sent-mark" role="status">
          <strong>You sent it</strong> {letter.reportedVia === "phone" ? "by phone" : "through the office's form"} on {letter.reportedOn}. Thank you.
        </p>
        <input type="hidden" name="key" value={pageKey} />
        <input type="hidden" name="letter" value={letter.messageId} />
        <button type="submit" name="via" value="undo" className="button-secondary">
          Not sent after all
        </button>
      </Form>
    );
  }
  return (
    <Form method="post" className="inline-form mark-sent">
      <p>Sent it? Tell us, so we count it and do not remind you:</p>
      <input type="hidden" name="key" value={pageKey} />
      <input type="hidden" name="letter" value={letter.messageId} />
      <button type="submit" name="via" value="form">
        I sent it through the form
      </button>{" "}
      <button type="submit" name="via" value="phone" className="button-secondary">
        I called the office
      </button>
    </Form>
  );
}

function PreparedCard({ letter, pageKey, markNote }: { letter: Letter; pageKey: string; markNote: string | null }) {
  const m = letter;
  return (
    <article className="sent-letter" aria-labelledby={`letter-${m.id}-heading`} id={`letter-${m.id}`}>
      <h3 id={`letter-${m.id}-heading`}>
        {m.to} <span className="hint">({m.district})</span>
      </h3>
      <p className="delivery-badge">{m.standing === "reported sent" ? "Sent by you" : "Needs you: this office takes no e-mail"}</p>
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
      {m.contactUrl ? null : (
        <p>
          We have no contact form for this office: please call it with the script below
          {m.website ? (
            <>
              , or look for a form on{" "}
              <a href={m.website} rel="noopener">
                the office's website
              </a>
            </>
          ) : null}
          .
        </p>
      )}
      {m.phone ? (
        <div className="call">
          <p>
            Call the office: <a href={`tel:${m.phone.replace(/[^\d+]/g, "")}`}>{m.phone}</a>
          </p>
          {m.callScript ? (
            <>
              <p className="hint">What to say:</p>
              <p className="call-script">{m.callScript}</p>
            </>
          ) : null}
        </div>
      ) : null}
      {markNote ? <p className="hint">{markNote}</p> : <MarkSent letter={m} pageKey={pageKey} />}
    </article>
  );
}

export default function CampaignSent({ loaderData }: Route.ComponentProps) {
  const shared = { url: loaderData.shareUrl, title: loaderData.campaign.title, text: `I just wrote to my legislators: “${loaderData.campaign.title}”. It takes two minutes:` };
  if (loaderData.isPrivate) {
    return (
      <div className="page narrow">
        <h1>Your letters</h1>
        <p className="lead">
          These letters are shown only to the person who wrote them. Open the link in the e-mail we sent with the copy of your letters, or sign in with the address you wrote from.
        </p>
        <NextSteps openLetter={loaderData.openLetter} share={shared} lettersWaiting={0} />
      </div>
    );
  }
  const { campaign, letters, name, status, email, headline, waiting, key, threshold } = loaderData;
  const emailed = letters.filter((m) => m.standing in emailedWords);
  const prepared = letters.filter((m) => !(m.standing in emailedWords));
  const offices = listed(emailed.map((m) => m.to));
  const isHeld = status === "waiting" || status === "expired";
  return (
    <div className="page narrow">
      <h1>{headline}</h1>
      <p className="lead">
        Thank you, {name.split(/\s+/)[0]}.{" "}
        {waiting ? "A letter counts with an office once it reaches it: below is what went out, and what is ready for you to send." : "Every letter has reached its office."}
      </p>
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
          <p>You confirmed these letters{emailed.length ? `: they went out to ${offices}` : ""}. Your letters, with a link to this list, are in the e-mail we sent you.</p>
        </div>
      ) : status === "expired" ? (
        <div className="notice" role="status">
          <p>The link we e-mailed for these letters has expired, so {emailed.length ? `nothing was sent to ${offices}` : "they were not counted"}. Write again to get a new link.</p>
        </div>
      ) : null}
      <div id="letters">
        {emailed.length ? (
          <section aria-labelledby="emailed-heading">
            <h2 id="emailed-heading">{isHeld ? "By e-mail, once you open the link" : "Sent by e-mail"}</h2>
            <ul className="target-list">
              {emailed.map((m) => (
                <li key={m.id}>
                  <strong>{m.to}</strong> ({m.district}): {emailedWords[m.standing]}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {prepared.length ? (
          <section aria-labelledby="prepared-heading">
            <h2 id="prepared-heading">{prepared.length === 1 ? "One letter" : `${prepared.length} letters`} for you to send</h2>
            <p>
              These offices take messages only through their own website or by phone, so we cannot send for you. Each letter is ready: copy it and paste it into the office's contact form, or call: it
              takes a minute, and the script is below.
            </p>
            {prepared.map((m) => (
              <PreparedCard
                key={m.id}
                letter={m}
                pageKey={key}
                markNote={
                  isHeld
                    ? "Once you open the link we e-mailed, you can tell us when you have sent it."
                    : status === "confirmed"
                      ? "Tell us when you have sent it from your letters page: the e-mail we sent you links to it."
                      : null
                }
              />
            ))}
          </section>
        ) : null}
      </div>
      {waiting === 0 ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered and sanitised by platform/markdown.server.ts (sanitize-html)
        <div className="prose" dangerouslySetInnerHTML={{ __html: campaign.thankYouHtml }} />
      ) : null}
      <ProgressMeter count={campaign.actions} goal={campaign.goal} noun={["person has written", "people have written"]} threshold={threshold} invitation="Be among the first to write" />
      <NextSteps openLetter={loaderData.openLetter} share={shared} lettersWaiting={waiting} />
      {status === "sent" ? <p>We sent you a copy of every letter by e-mail.</p> : null}
    </div>
  );
}
