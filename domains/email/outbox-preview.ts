// What the log shows of a message kept in the outbox when no SMTP server is configured: the
// links and the sign-in code in it, so a person running the platform without mail can still
// sign in, confirm and unsubscribe. Pure: the delivery job logs what this returns.

const linkPattern = /https?:\/\/[^\s<>"']+/g;
/** The sign-in mail writes its 6-digit code as "123 456". */
const codePattern = /code[^\n]*?:\s*(\d{3} \d{3})\b/i;

export function linksAndCode(text: string): { links?: string[]; code?: string } {
  const links = [...new Set(text.match(linkPattern) ?? [])].map((link) => link.replace(/[.,;:)]+$/, ""));
  const code = text.match(codePattern)?.[1];
  return { ...(links.length ? { links } : {}), ...(code ? { code } : {}) };
}
