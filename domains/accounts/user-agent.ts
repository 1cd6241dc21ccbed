// A session's browser in words ("Chrome on Windows") from its stored user-agent string, read by
// Bowser (a maintained parser, MIT) rather than by our own patterns.
import Bowser from "bowser";

/** "Chrome on Windows", "Safari on iOS", or "Unknown browser" when the string says nothing we can read. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent?.trim()) return "Unknown browser";
  const parsed = Bowser.parse(userAgent.slice(0, 1000));
  const browser = parsed.browser.name;
  const system = parsed.os.name;
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  if (system) return `A browser on ${system}`;
  return "Unknown browser";
}
