// Reading the Cookie header. Parsed by the `cookie` package (React Router's own), which never
// throws on a malformed value (`amg_session=%` used to break every page with a URIError). A value
// holding control characters is no value of ours (tokens are base64url): it reads as absent.
import { parse } from "cookie";

export function cookieValue(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  const value = parse(header)[name];
  // eslint-disable-next-line no-control-regex
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
  return value && !/[\u0000-\u001f\u007f]/.test(value) ? value : null;
}
