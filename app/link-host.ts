// E-mailed links are built from APP_URL. A person who browses the site under another name
// (127.0.0.1 rather than localhost, an IP rather than the domain) cannot use such a link in that
// browser: its cookies belong to the other name. These say so in plain words instead of failing.

/** The host:port the request was made to, when it is not APP_URL's; null when they agree. */
export function otherHostThanAppUrl(requestUrl: string, appUrl: string): string | null {
  const asked = new URL(requestUrl);
  const links = new URL(appUrl);
  return asked.host === links.host ? null : asked.host;
}

/** A host:port as a link may carry it back (anything else is ignored, never shown). */
export const isHostLike = (value: string | null): value is string => value !== null && /^[A-Za-z0-9.:[\]-]{1,100}$/.test(value);

export function linkHostMessage(askedFrom: string, linkHost: string): string {
  return `You asked to sign in on ${askedFrom}, but this link is for ${linkHost}, and a browser keeps the two apart. Type the 6-digit code from the e-mail on the page where you asked, or open ${linkHost} and ask for a new link there.`;
}
