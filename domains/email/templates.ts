import { renderMarkdown } from "~/platform/markdown.server";
// The texts of every e-mail the platform sends: plain text first (always), simple HTML beside it.
// Pure functions: they take what the message needs and return subject, text and html.
export type RenderedMail = { subject: string; text: string; html: string };

export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function layout(orgName: string, paragraphs: string[], footer: string[]): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join("");
  const foot = footer.map((p) => `<p style="margin:0 0 8px">${p}</p>`).join("");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1a2433;line-height:1.5;max-width:560px;margin:auto;padding:24px">
<p style="font-weight:700;color:#0b4f6c;margin:0 0 24px">${escapeHtml(orgName)}</p>${body}
<hr style="border:none;border-top:1px solid #d5dde6;margin:24px 0"><div style="font-size:13px;color:#4a5868">${foot}</div></body></html>`;
}

export const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

/** A link drawn as a button (inline styles: mail clients drop style sheets). */
export const button = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}" style="display:inline-block;background:#0b4f6c;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(label)}</a>`;

export function confirmSubscriptionMail(p: { orgName: string; confirmUrl: string; unsubscribeUrl: string; expiresInHours: number }): RenderedMail {
  const subject = `Please confirm your subscription to ${p.orgName} news`;
  const text = [
    `Thank you for subscribing to news from the ${p.orgName}.`,
    `Please confirm your address by opening this link (it works once and expires in ${p.expiresInHours} hours):`,
    p.confirmUrl,
    `If you did not ask for this, ignore this message and you will hear nothing more from us.`,
    `--`,
    `Unsubscribe: ${p.unsubscribeUrl}`,
  ].join("\n\n");
  const html = layout(
    p.orgName,
    [
      `Thank you for subscribing to news from the ${escapeHtml(p.orgName)}.`,
      `Please confirm your address (the link works once and expires in ${p.expiresInHours} hours):`,
      button(p.confirmUrl, "Confirm my subscription"),
      `If you did not ask for this, ignore this message and you will hear nothing more from us.`,
    ],
    [link(p.unsubscribeUrl, "Unsubscribe")],
  );
  return { subject, text, html };
}

export function alreadySubscribedMail(p: { orgName: string; unsubscribeUrl: string }): RenderedMail {
  const subject = `You are already subscribed to ${p.orgName} news`;
  const text = [
    `Someone (probably you) asked to subscribe this address to news from the ${p.orgName}.`,
    `It is already subscribed, so nothing has changed.`,
    `--`,
    `Unsubscribe: ${p.unsubscribeUrl}`,
  ].join("\n\n");
  const html = layout(
    p.orgName,
    [`Someone (probably you) asked to subscribe this address to news from the ${escapeHtml(p.orgName)}.`, `It is already subscribed, so nothing has changed.`],
    [link(p.unsubscribeUrl, "Unsubscribe")],
  );
  return { subject, text, html };
}

/**
 * The receipt goes to whatever address was typed in the form, never confirmed: so it repeats
 * nothing the sender typed (name, subject, message). Otherwise anyone could make AMG e-mail their
 * own text, a phishing link say, to any address, from AMG's domain.
 */
export function contactReceiptMail(p: { orgName: string; officeHours: string }): RenderedMail {
  const subject = "We received your message";
  const intro = (org: string, hours: string) =>
    `Thank you for writing to the ${org}. We received your message; a volunteer will answer you by e-mail, usually within two working days (office hours: ${hours}).`;
  const notYou = "If you did not write to us, someone typed your address by mistake: you can ignore this e-mail, and you will not hear from us again.";
  const text = ["Hello,", intro(p.orgName, p.officeHours), notYou].join("\n\n");
  const html = layout(
    p.orgName,
    ["Hello,", intro(escapeHtml(p.orgName), escapeHtml(p.officeHours)), notYou],
    [`You are receiving this because this address was given on the contact form of our website.`],
  );
  return { subject, text, html };
}

export function contactNotificationMail(p: { name: string; email: string; subject: string; message: string; receivedAt: string }): RenderedMail {
  const subject = `[Contact] ${p.subject}`;
  const text = [`From: ${p.name} <${p.email}>`, `Received: ${p.receivedAt}`, `Subject: ${p.subject}`, p.message].join("\n\n");
  const html = layout(
    "New contact message",
    [
      `<strong>From:</strong> ${escapeHtml(p.name)} &lt;${escapeHtml(p.email)}&gt;<br><strong>Received:</strong> ${escapeHtml(p.receivedAt)}`,
      `<strong>Subject:</strong> ${escapeHtml(p.subject)}`,
      `<div style="white-space:pre-wrap">${escapeHtml(p.message)}</div>`,
    ],
    [`Reply to this e-mail to answer the sender.`],
  );
  return { subject, text, html };
}

export function signInMail(p: { orgName: string; link: string; code: string; minutes: number }): RenderedMail {
  const subject = `Your sign-in link for ${p.orgName}`;
  const spaced = `${p.code.slice(0, 3)} ${p.code.slice(3)}`;
  const text = [
    `Open this link in the same browser where you asked to sign in (it works once, for ${p.minutes} minutes):`,
    p.link,
    `Or type this code on the sign-in page: ${spaced}`,
    `If you did not ask to sign in, ignore this message; nobody can sign in without it.`,
  ].join("\n\n");
  const html = layout(
    p.orgName,
    [
      `Open this link in the same browser where you asked to sign in (it works once, for ${p.minutes} minutes):`,
      button(p.link, "Sign in"),
      `Or type this code on the sign-in page: <strong style="font-size:20px;letter-spacing:2px">${spaced}</strong>`,
      `If you did not ask to sign in, ignore this message; nobody can sign in without it.`,
    ],
    [`Sent because someone asked to sign in with this address.`],
  );
  return { subject, text, html };
}

export function noAccountMail(p: { orgName: string; appUrl: string }): RenderedMail {
  const subject = `Signing in to ${p.orgName}`;
  const text = [
    `Someone (probably you) asked to sign in to the ${p.orgName} with this address, but no account uses it.`,
    `Medical graduates can apply for membership: ${p.appUrl}/join`,
    `If you did not ask, ignore this message.`,
  ].join("\n\n");
  const html = layout(
    p.orgName,
    [
      `Someone (probably you) asked to sign in to the ${escapeHtml(p.orgName)} with this address, but no account uses it.`,
      `Medical graduates can ${link(`${p.appUrl}/join`, "apply for membership")}.`,
      `If you did not ask, ignore this message.`,
    ],
    [`Sent because someone asked to sign in with this address.`],
  );
  return { subject, text, html };
}

export function signatureConfirmMail(p: { orgName: string; letterTitle: string; confirmUrl: string; hours: number }): RenderedMail {
  const subject = `Please confirm your signature: ${p.letterTitle}`;
  const text = [
    `Hello,`,
    `Thank you for signing "${p.letterTitle}". Your signature counts once you confirm it (the link works once, for ${p.hours} hours):`,
    p.confirmUrl,
    `If you did not sign, ignore this message and nothing will be counted.`,
  ].join("\n\n");
  const html = layout(
    p.orgName,
    [
      `Hello,`,
      `Thank you for signing “${escapeHtml(p.letterTitle)}”. Your signature counts once you confirm it (the link works once, for ${p.hours} hours):`,
      button(p.confirmUrl, "Confirm my signature"),
      `If you did not sign, ignore this message and nothing will be counted.`,
    ],
    [`Sent because this address was used to sign an open letter on our website.`],
  );
  return { subject, text, html };
}

/**
 * The receipt of an application: the rules' decision in plain words, what happens next, a copy of
 * the answers, and (when the browser had not proven the address) the link that signs the applicant
 * in to follow the application.
 */
export function applicationReceivedMail(p: {
  orgName: string;
  decision: "eligible" | "needs-review" | "ineligible";
  reasons: string[];
  answers: string[];
  signInLink: string | null;
  linkHours: number;
  appUrl: string;
}): RenderedMail {
  const decision =
    p.decision === "ineligible"
      ? [`Thank you for applying to the ${p.orgName}. Your answers do not meet its membership rules, so we cannot accept you as a member:`, ...p.reasons.map((r) => `- ${r}`)]
      : p.decision === "needs-review"
        ? [`Thank you for applying to the ${p.orgName}. Your answers meet its membership rules, except what a volunteer must check with you:`, ...p.reasons.map((r) => `- ${r}`)]
        : [`Thank you for applying to the ${p.orgName}. Your answers meet its membership rules.`];
  const next =
    p.decision === "ineligible"
      ? [
          `If something was entered wrongly, correct your application from your account${p.signInLink ? " (the button below)" : ""}, or apply again with the same e-mail: ${p.appUrl}/join/apply`,
          `You can still help: subscribe to our newsletter (${p.appUrl}/newsletter) and contact your legislators (${p.appUrl}/act).`,
        ]
      : [`What happens next: a volunteer doctor reviews every application and writes to you at this address, usually within a week. Approved, you become a member.`];
  const account = p.signInLink
    ? [
        `Your account is ready. This link signs you in to follow your application, read what the volunteer writes, and correct your answers while it is reviewed (it works once, for ${p.linkHours} hours; later, sign in at ${p.appUrl}/sign-in with this address):`,
      ]
    : [];
  const answers = [`Your answers:`, ...p.answers.map((a) => `- ${a}`)];
  const notYou = `If you did not apply, ignore this message: nobody can sign in to the account without this e-mail, and you can delete it from ${p.appUrl}/account.`;
  const subject = p.decision === "ineligible" ? `Your application to ${p.orgName}` : `We received your application to ${p.orgName}`;
  const text = [`Hello,`, ...decision, ...next, ...account, ...(p.signInLink ? [p.signInLink] : []), answers.join("\n"), notYou].join("\n\n");
  const html = layout(
    p.orgName,
    [
      `Hello,`,
      ...decision.map(escapeHtml),
      ...next.map(escapeHtml),
      ...account.map(escapeHtml),
      ...(p.signInLink ? [button(p.signInLink, "See my application")] : []),
      answers.map(escapeHtml).join("<br>"),
      escapeHtml(notYou),
    ],
    [`Sent because this address was used to apply for membership.`],
  );
  return { subject, text, html };
}

/** What a new member can do, with links: the welcome e-mail lists them. */
export type MemberNextStep = { text: string; url: string | null };

export function applicationDecisionMail(p: {
  orgName: string;
  name: string;
  outcome: "approved" | "rejected" | "more-info";
  note: string;
  link: string;
  /** The welcome's list of what members do next (approved only). */
  nextSteps?: MemberNextStep[];
  /** The staff-written welcome (Markdown) that opens an approval, and its subject; null when switched off. */
  welcome?: { subject: string; markdown: string } | null;
}): RenderedMail {
  const welcome = p.outcome === "approved" ? (p.welcome ?? null) : null;
  const subject = welcome
    ? welcome.subject
    : p.outcome === "approved"
      ? `Welcome to the ${p.orgName}`
      : p.outcome === "rejected"
        ? `Your application to ${p.orgName}`
        : `We need a little more information`;
  const note = p.note.trim();
  const steps = p.nextSteps ?? [];
  const head =
    p.outcome === "approved"
      ? [`Your membership application has been approved. Welcome!`, ...(note ? [`The volunteer who reviewed it wrote: ${note}`] : [])]
      : p.outcome === "rejected"
        ? [
            `We are sorry: we cannot accept your membership application.`,
            `The reviewer wrote: ${note}`,
            `Your account stays: you can correct your answers and apply again, or delete the account, at ${p.link}`,
          ]
        : [`A volunteer reviewing your application asks:`, note];
  const tail =
    p.outcome === "approved" ? [`What members do next:`] : p.outcome === "more-info" ? [`Update your application here (the link works for 14 days), or sign in to your account: ${p.link}`] : [];
  const welcomeParagraphs = welcome ? welcome.markdown.split(/\n{2,}/).filter((x) => x.trim()) : [];
  if (welcome) head.splice(0, 1, `Your membership application has been approved.`);
  const text = [
    `Dear ${p.name},`,
    ...head.slice(0, 1),
    ...welcomeParagraphs,
    ...head.slice(1),
    ...tail,
    ...(steps.length ? [steps.map((s) => `- ${s.text}${s.url ? `: ${s.url}` : ""}`).join("\n")] : []),
  ].join("\n\n");
  const html = layout(
    p.orgName,
    [
      `Dear ${escapeHtml(p.name)},`,
      ...head.slice(0, 1).map(escapeHtml),
      ...welcomeParagraphs.map((x) =>
        renderMarkdown(x)
          .trim()
          .replace(/^<p>([\s\S]*)<\/p>$/, "$1"),
      ),
      ...head.slice(1).map(escapeHtml),
      ...tail.map(escapeHtml),
      ...(steps.length ? [steps.map((s) => (s.url ? `• ${link(s.url, s.text)}` : `• ${escapeHtml(s.text)}`)).join("<br>")] : []),
    ],
    [`Sent about your membership application.`],
  );
  return { subject, text, html };
}

export function confirmDeletionMail(p: { orgName: string; link: string }): RenderedMail {
  const subject = `Confirm deleting your ${p.orgName} account`;
  const lines = [
    `You asked to delete your account. Open this link and press the button to confirm (it works once, for 24 hours):`,
    p.link,
    `If you did not ask, ignore this message: nothing will be deleted.`,
  ];
  return {
    subject,
    text: lines.join("\n\n"),
    html: layout(
      p.orgName,
      lines.map((l) => escapeHtml(l)),
      [`Sent because someone signed in to this account asked to delete it.`],
    ),
  };
}

export type LetterCopy = {
  to: string;
  delivery: "email" | "prepared" | "already-sent";
  text: string;
  phone: string | null;
  /** The office's own contact form, only when the data has one. */
  contactForm: string | null;
  website: string | null;
  callScript: string | null;
  /** A prepared letter's signed link to say "I sent it". */
  sentUrl: string | null;
};

/** How a prepared letter reaches its office: the form when there is one (never a home page called a form), else the phone. */
const preparedHow = (l: Pick<LetterCopy, "contactForm" | "phone" | "website">) =>
  l.contactForm
    ? `This office takes messages only through its own contact form (${l.contactForm})${l.phone ? ` or by phone (${l.phone})` : ""}: please paste the letter there, or call.`
    : `This office publishes no contact form we can link to${l.phone ? `: please call it (${l.phone}) with the script below` : ""}${l.website ? `, or find its form on its website (${l.website})` : ""}.`;

/** The copy a person gets after writing to their legislators: every letter, and what is left for them to do. */
export function campaignLetterCopyMail(p: { orgName: string; campaignTitle: string; name: string; letters: LetterCopy[]; resultUrl: string }): RenderedMail {
  const subject = `Your letters: ${p.campaignTitle}`;
  const howSent = (l: LetterCopy) =>
    l.delivery === "email"
      ? `We are sending it to the office by e-mail, with your address as the reply-to.`
      : l.delivery === "already-sent"
        ? `It was already sent to the office earlier; it was not sent a second time.`
        : preparedHow(l);
  const sentLine = (l: LetterCopy) => (l.sentUrl ? `Once you have sent it through the form or by phone, tell us here (no sign-in needed): ${l.sentUrl}` : null);
  const text = [
    `Dear ${p.name},`,
    `Thank you for writing about "${p.campaignTitle}". Here is a copy of each letter.`,
    ...p.letters.map((l) => [`=== To ${l.to} ===\n${howSent(l)}\n\n${l.text}`, l.callScript ? `If you call, you can say:\n${l.callScript}` : null, sentLine(l)].filter(Boolean).join("\n\n")),
    `Your letters, the contact links and the call script are also on this page: ${p.resultUrl}`,
  ].join("\n\n");
  const html = layout(
    p.orgName,
    [
      `Dear ${escapeHtml(p.name)},`,
      `Thank you for writing about “${escapeHtml(p.campaignTitle)}”. Here is a copy of each letter.`,
      ...p.letters.map(
        (l) =>
          `<strong>To ${escapeHtml(l.to)}</strong><br>${escapeHtml(howSent(l))}<br><span style="white-space:pre-wrap;display:block;border-left:3px solid #d5dde6;padding-left:12px;margin-top:8px">${escapeHtml(l.text)}</span>${
            l.sentUrl ? `<br>${button(l.sentUrl, "I sent it")}` : ""
          }`,
      ),
      `Your letters, the contact links and the call script are also on ${link(p.resultUrl, "this page")}.`,
    ],
    [`Sent because this address was used to write to legislators on our website.`],
  );
  return { subject, text, html };
}

export type WaitingLetter = { to: string; phone: string | null; contactForm: string | null; website: string | null; sentUrl: string };

/** The one reminder, a day after writing: the prepared letters not yet reported sent, each with its "I sent it" link. */
export function preparedLettersReminderMail(p: { orgName: string; campaignTitle: string; name: string; letters: WaitingLetter[]; resultUrl: string }): RenderedMail {
  const count = p.letters.length === 1 ? "One of your letters is" : `${p.letters.length} of your letters are`;
  const subject = `${count} still waiting to be sent: ${p.campaignTitle}`;
  const intro = `Yesterday you wrote about "${p.campaignTitle}". ${count} still waiting for you: these offices take messages only through their own form or by phone, so we could not send them for you.`;
  const outro = `Sent them already? Press "I sent it" for each, so we count them. This is the only reminder we send about these letters.`;
  const text = [`Dear ${p.name},`, intro, ...p.letters.map((l) => `=== To ${l.to} ===\n${preparedHow(l)}\nI sent it: ${l.sentUrl}`), `Your letters and the call scripts: ${p.resultUrl}`, outro].join(
    "\n\n",
  );
  const html = layout(
    p.orgName,
    [
      `Dear ${escapeHtml(p.name)},`,
      escapeHtml(intro),
      ...p.letters.map((l) => `<strong>To ${escapeHtml(l.to)}</strong><br>${escapeHtml(preparedHow(l))}<br>${button(l.sentUrl, "I sent it")}`),
      `Your letters and the call scripts are on ${link(p.resultUrl, "your letters page")}.`,
      escapeHtml(outro),
    ],
    [`Sent because this address was used to write to legislators on our website.`],
  );
  return { subject, text, html };
}

/**
 * Letters written from a browser that was not signed in as this address: nothing goes to an office,
 * and nothing changes the person's earlier letters, until the address owner opens the link.
 */
export function campaignLettersConfirmMail(p: { orgName: string; campaignTitle: string; waiting: string[]; prepared: string[]; confirmUrl: string; hours: number }): RenderedMail {
  const subject = `Please confirm your letters: ${p.campaignTitle}`;
  const lines = [
    `Someone, we hope you, wrote to legislators about "${p.campaignTitle}" with this e-mail address. The link shows the name and address the letters are signed with.`,
    p.waiting.length
      ? `Once you confirm, we e-mail the letters to ${p.waiting.join(", ")}, with your address to reply to. Nothing is sent before.`
      : `Once you confirm, your letters count in the campaign and replace any you wrote before.`,
    ...(p.prepared.length ? [`The letters for you to send yourself (to ${p.prepared.join(", ")}) are on the page you saw after writing.`] : []),
    `The link works once, for ${p.hours} hours:`,
  ];
  const text = ["Hello,", ...lines, p.confirmUrl, `If you did not write these letters, ignore this message: nothing will be sent and nothing you wrote before changes.`].join("\n\n");
  const html = layout(
    p.orgName,
    [
      "Hello,",
      ...lines.map(escapeHtml),
      button(p.confirmUrl, "Confirm my letters"),
      `If you did not write these letters, ignore this message: nothing will be sent and nothing you wrote before changes.`,
    ],
    [`Sent because this address was used to write to legislators on our website.`],
  );
  return { subject, text, html };
}

/** New details for a signature that is already confirmed: they apply once the address owner confirms. */
export function signatureChangeConfirmMail(p: { orgName: string; letterTitle: string; confirmUrl: string; hours: number }): RenderedMail {
  const subject = `Please confirm the change to your signature: ${p.letterTitle}`;
  const lines = [
    `Your signature of "${p.letterTitle}" is confirmed and counts. Someone, we hope you, asked to change its name, place or whether it is shown: the link shows the new details.`,
    `The change applies once you confirm it (the link works once, for ${p.hours} hours). Until then your signature stays as it was, and it counts once either way.`,
  ];
  const text = ["Hello,", ...lines, p.confirmUrl, `If you did not ask for this, ignore this message: nothing changes.`].join("\n\n");
  const html = layout(
    p.orgName,
    ["Hello,", ...lines.map(escapeHtml), button(p.confirmUrl, "Confirm the change"), `If you did not ask for this, ignore this message: nothing changes.`],
    [`Sent because this address was used to sign an open letter on our website.`],
  );
  return { subject, text, html };
}

/** Answers sent for an address that already has an application: they apply once the address owner confirms. */
export function applicationChangeConfirmMail(p: { orgName: string; confirmUrl: string; hours: number }): RenderedMail {
  const subject = `Please confirm the changes to your application to ${p.orgName}`;
  const lines = [
    `Someone, we hope you, sent the membership form again with this e-mail address. Your application already with us has not changed.`,
    `The link shows the new answers. To replace your application's answers with them, open it (it works once, for ${p.hours} hours). A volunteer then reviews the application again.`,
  ];
  const text = ["Hello,", ...lines, p.confirmUrl, `If you did not send the form, ignore this message: nothing changes.`].join("\n\n");
  const html = layout(
    p.orgName,
    ["Hello,", ...lines.map(escapeHtml), button(p.confirmUrl, "Review and apply the changes"), `If you did not send the form, ignore this message: nothing changes.`],
    [`Sent because this address was used to apply for membership.`],
  );
  return { subject, text, html };
}

/** The membership form sent again for an address that is already a member's: nothing changes. */
export function alreadyMemberMail(p: { orgName: string; appUrl: string }): RenderedMail {
  const subject = `You are already a member of ${p.orgName}`;
  const lines = [
    `Someone, we hope you, sent the membership form with this e-mail address. You are already a member, so nothing was changed.`,
    `To update your answers, sign in and open your profile: ${p.appUrl}/account/profile`,
    `If you did not send the form, you can ignore this message.`,
  ];
  return { subject, text: ["Hello,", ...lines].join("\n\n"), html: layout(p.orgName, ["Hello,", ...lines.map(escapeHtml)], [`Sent because this address was used to apply for membership.`]) };
}
