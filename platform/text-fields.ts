// The text fields every input schema is built from (safe to import in the browser). People type
// text; bytes they cannot type have no business in it: a NUL byte is refused by PostgreSQL (a 500
// on any form that stored one) and CR/LF in a one-line field can forge header lines in the staff
// e-mails that quote it. Each helper cleans first, then trims, then caps the length with a plain
// message, and is an ordinary zod string: add `.min`, `.regex`, `.refine` after it.
import { z } from "zod";

// eslint-disable-next-line no-control-regex
const lineBreaksAndTabs = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** One line of text: line breaks and tabs become a space, other control characters go. */
export const cleanOneLine = (value: string) => value.replace(lineBreaksAndTabs, " ").replace(controlCharacters, "");

/** Several lines: CRLF and CR become LF; control characters other than LF and tab go. */
export const cleanMultiLine = (value: string) => value.replace(/\r\n?/g, "\n").replace(controlCharacters, "");

const tooLongMessage = (max: number) => `Please keep this under ${max.toLocaleString("en-US")} characters.`;

type TextMessages = { missing?: string; tooLong?: string };

/** A one-line field (name, subject, address line) of at most `max` characters. */
export function oneLineText(max: number, messages: TextMessages = {}) {
  return z
    .string(messages.missing ? { error: messages.missing } : undefined)
    .overwrite(cleanOneLine)
    .trim()
    .max(max, messages.tooLong ?? tooLongMessage(max));
}

/** A text of several lines (a message, a letter, Markdown) of at most `max` characters. */
export function multiLineText(max: number, messages: TextMessages = {}) {
  return z
    .string(messages.missing ? { error: messages.missing } : undefined)
    .overwrite(cleanMultiLine)
    .trim()
    .max(max, messages.tooLong ?? tooLongMessage(max));
}

/** The longest e-mail address a mail server accepts (RFC 5321). */
export const maxEmailLength = 254;

/** The plain messages of the shared fields below, ready for translation. */
export const textFieldMessages = {
  emailRequired: "Please enter your e-mail address.",
  emailTooLong: "That e-mail address is too long.",
  emailInvalid: "Please enter an e-mail address like name@example.org.",
} as const;

/** A person's e-mail address, trimmed and lower-cased: every context's forms use this one. */
export const emailAddressSchema = z
  .string({ error: textFieldMessages.emailRequired })
  .trim()
  .toLowerCase()
  .min(1, textFieldMessages.emailRequired)
  .max(maxEmailLength, textFieldMessages.emailTooLong)
  .pipe(z.email({ error: textFieldMessages.emailInvalid }));
