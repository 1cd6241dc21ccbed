// A newsletter as it leaves: Markdown → sanitised HTML (the platform's renderer) inside an MJML
// layout (responsive tables that read well in common clients), and a plain-text part made from
// the same HTML. Rendered once per send; each recipient's message only swaps in their own links.
import { convert } from "html-to-text";
import { compileMailTemplate } from "~/platform/mail-template.server";
import type { TemplateMail } from "~/platform/mail-template.server";
import { renderMarkdown } from "~/platform/markdown.server";

/** Stand-ins for each recipient's own links (replaced in personalise; never shown to anyone). */
export const unsubscribeMarker = "%%amg-unsubscribe-url%%";

export type RenderedNewsletter = { html: string; text: string };

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function renderNewsletter(p: { orgName: string; subject: string; preheader: string; markdown: string; archiveUrl: string | null }): Promise<RenderedNewsletter> {
  const body = renderMarkdown(p.markdown);
  const mjml = `<mjml>
  <mj-head>
    <mj-title>${escapeHtml(p.subject)}</mj-title>
    ${p.preheader ? `<mj-preview>${escapeHtml(p.preheader)}</mj-preview>` : ""}
    <mj-attributes>
      <mj-all font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.55" color="#1a2433" />
    </mj-attributes>
    <mj-style inline="inline">a { color: #0b4f6c; } img { max-width: 100%; height: auto; } h1, h2, h3 { line-height: 1.25; color: #0b2f42; }</mj-style>
  </mj-head>
  <mj-body background-color="#f3f6f9" width="600px">
    <mj-section padding="24px 16px 8px"><mj-column>
      <mj-text font-weight="700" color="#0b4f6c" font-size="15px">${escapeHtml(p.orgName)}</mj-text>
    </mj-column></mj-section>
    <mj-section background-color="#ffffff" padding="8px 16px 16px" border-radius="8px"><mj-column>
      <mj-text><h1 style="font-size:26px;margin:0 0 8px">${escapeHtml(p.subject)}</h1></mj-text>
      <mj-text>${body}</mj-text>
    </mj-column></mj-section>
    <mj-section padding="16px"><mj-column>
      <mj-text font-size="13px" color="#4a5868">You receive this because you subscribed to news from the ${escapeHtml(p.orgName)} or are one of its members.
        ${p.archiveUrl ? `<a href="${escapeHtml(p.archiveUrl)}">Read it on the website</a> · ` : ""}<a href="${unsubscribeMarker}">Unsubscribe or choose which e-mails you get</a></mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
  // Loaded on first use: a worker that only sends never renders, and never loads MJML.
  const { default: mjml2html } = await import("mjml");
  const result = await mjml2html(mjml, { validationLevel: "soft", keepComments: false });
  const text = [
    p.orgName,
    "",
    p.subject,
    "=".repeat(Math.min(70, p.subject.length)),
    "",
    convert(body, {
      wordwrap: 78,
      selectors: [
        { selector: "img", format: "skip" },
        { selector: "h1", options: { uppercase: false } },
        { selector: "h2", options: { uppercase: false } },
        { selector: "h3", options: { uppercase: false } },
      ],
    }),
    "",
    "--",
    ...(p.archiveUrl ? [`Read it on the website: ${p.archiveUrl}`] : []),
    `Unsubscribe or choose which e-mails you get: ${unsubscribeMarker}`,
  ].join("\n");
  return { html: result.html, text };
}

/** One recipient's copy: their own unsubscribe / preferences link in both parts. */
export function personalise(rendered: RenderedNewsletter, unsubscribeUrl: string): RenderedNewsletter {
  return { html: rendered.html.split(unsubscribeMarker).join(escapeHtml(unsubscribeUrl)), text: rendered.text.split(unsubscribeMarker).join(unsubscribeUrl) };
}

/** The send's message composed once (MIME and all); each copy fills in its address, Message-ID and own link. */
export type NewsletterMessage = { copy(p: { to: string; messageId: string; unsubscribeUrl: string }): Buffer | null };

/**
 * `headers` may carry `unsubscribeMarker` (List-Unsubscribe). A copy is null when its address is not
 * plain ASCII: that one is composed on its own (personalise and the transport's deliver).
 */
export async function compileNewsletterMessage(rendered: RenderedNewsletter, mail: Omit<TemplateMail, "text" | "html">): Promise<NewsletterMessage> {
  const template = await compileMailTemplate({ ...mail, text: rendered.text, html: rendered.html }, unsubscribeMarker);
  return {
    copy: ({ to, messageId, unsubscribeUrl }) => template.fill({ to, messageId, slot: { header: unsubscribeUrl, text: unsubscribeUrl, html: escapeHtml(unsubscribeUrl) } }),
  };
}
