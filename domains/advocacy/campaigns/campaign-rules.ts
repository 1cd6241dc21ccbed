// Pure rules of legislator-letter campaigns: letter placeholders, which letter a target gets,
// whether a campaign is open, and the text that is delivered (the story fingerprint is in
// story-fingerprint.server.ts). No I/O: the use cases in send-campaign-letter.server.ts call these.
import { publishableCount } from "~/domains/membership/count-suppression";

export const targetKinds = ["us-senate", "us-house", "state-upper", "state-lower"] as const;
export type TargetKind = (typeof targetKinds)[number];

export const targetKindLabels: Record<TargetKind, string> = {
  "us-senate": "US Senate",
  "us-house": "US House",
  "state-upper": "State senate (upper chamber)",
  "state-lower": "State house or assembly (lower chamber)",
};

/**
 * The placeholders a letter template may use, written {{name}}. Sender and evidence values that are
 * known when the page is shown are filled in before the person edits the letter; the rest (the
 * legislator's) are filled in for each target when the letter is sent.
 */
export const placeholders = {
  sender_name: "your name",
  sender_city: "your city",
  sender_zip: "your ZIP code",
  sender_state: "your state",
  legislator_title: "the legislator's title (Senator, Representative, …)",
  legislator_name: "the legislator's name",
  district: "the legislator's district (or state, for a senator)",
  members_in_district: "AMG members living in the legislator's district",
  members_in_state: "AMG members living in the state",
  state_ask: "what AMG asks of the person's state (from the state law tracker)",
} as const;
export type PlaceholderName = keyof typeof placeholders;
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

/**
 * How a placeholder reads in a form the public sees (never "{{braces}}"), and the bracketed words
 * older scripts used ("[your name]"): both are filled like the braces.
 */
export const placeholderPrompts: Record<PlaceholderName, string> = {
  sender_name: "[your name]",
  sender_city: "[your city]",
  sender_zip: "[your ZIP]",
  sender_state: "[your state]",
  legislator_title: "[legislator's title]",
  legislator_name: "[legislator's name]",
  district: "[legislator's district]",
  members_in_district: "[members in the district]",
  members_in_state: "[members in your state]",
  state_ask: "[your state's ask]",
};

const promptNames = new Map(Object.entries(placeholderPrompts).map(([name, prompt]) => [prompt.toLowerCase(), name as PlaceholderName]));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const bracePattern = /\{\{\s*([a-z_]+)\s*\}\}/g;
/** A placeholder in braces, or one of the bracketed prompts. */
const tokenPattern = new RegExp(`\\{\\{\\s*([a-z_]+)\\s*\\}\\}|(${[...promptNames.keys()].map(escapeRegExp).join("|")})`, "gi");
const nameOfToken = (m: RegExpMatchArray): string => m[1] ?? promptNames.get(m[2].toLowerCase()) ?? "";

/**
 * A member count that must not be published: withheld by membership (empty), or a figure under
 * the publication threshold however it got here. Not yet known (undefined) is not withheld: the
 * placeholder is filled later.
 */
export const isWithheldCount = (value: string | undefined) => value !== undefined && publishableCount(Number(value.replace(/,/g, "") || Number.NaN)) === null;

const citesWithheldCount = (text: string, values: PlaceholderValues) =>
  [...text.matchAll(tokenPattern)].some((m) => nameOfToken(m).startsWith("members_in_") && isWithheldCount(values[nameOfToken(m) as PlaceholderName]));

/** The text without its sentences that cite a withheld member count (and without the paragraphs left empty). */
function withoutWithheldCounts(template: string, values: PlaceholderValues): string {
  return template
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split(/(?<=[.!?])[ \t]+/)
        .filter((sentence) => !citesWithheldCount(sentence, values))
        .join(" "),
    )
    .filter((p) => p.trim() !== "")
    .join("\n\n");
}

/**
 * Replaces the placeholders it has a value for (in braces or as their bracketed prompt); leaves the
 * others as they are. A sentence citing a withheld member count (a call script's, say) is left out,
 * never printed with an empty figure.
 */
export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  const text = citesWithheldCount(template, values) ? withoutWithheldCounts(template, values) : template;
  return text.replace(tokenPattern, (token: string, brace: string | undefined, prompt: string | undefined) => {
    const name = brace ?? promptNames.get((prompt ?? "").toLowerCase());
    return values[name as PlaceholderName] ?? token;
  });
}

/**
 * Fills a letter: a sentence that would cite a member count that is withheld (too small to
 * publish, zero included: "1 member lives in Wyoming.") is left out, then the placeholders are filled.
 */
export function fillLetter(template: string, values: PlaceholderValues): string {
  return fillPlaceholders(withoutWithheldCounts(template, values), values);
}

/** What the public form shows of the placeholders still to fill: their bracketed prompts, never braces. */
export const withPrompts = (text: string) => text.replace(bracePattern, (token, name: string) => placeholderPrompts[name as PlaceholderName] ?? token);

/** The call script for one office, with the person's name, city and ZIP in it (no "[your name]" left). */
export function fillCallScript(script: string, values: PlaceholderValues & { sender_name: string; sender_city: string; sender_zip: string }): string {
  return fillPlaceholders(script, values);
}

/**
 * The subject of one letter, matching its text: supporters get the thank-you subject staff set
 * (or one made from the bill), everyone else the campaign's subject (or its title).
 */
export function subjectFor(version: "supporter" | "general", campaign: { letterSubject: string; supporterLetterSubject: string; bill: string; title: string }): string {
  if (version === "supporter") return campaign.supporterLetterSubject.trim() || `Thank you for supporting ${campaign.bill.trim() || `"${campaign.title}"`}`;
  return campaign.letterSubject.trim() || campaign.title;
}

/** Placeholders a template uses that do not exist (shown to staff in the editor). */
export function unknownPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(bracePattern)].map((m) => m[1]).filter((name) => !(name in placeholders)))];
}

/** Supporters (cosponsors) get the supporter letter when the campaign has one; everyone else the general letter. */
export function letterVersionFor(isSupporter: boolean, campaign: { supporterLetterMarkdown: string }): "supporter" | "general" {
  return isSupporter && campaign.supporterLetterMarkdown.trim() !== "" ? "supporter" : "general";
}

/** Is the campaign taking actions on this date (YYYY-MM-DD, the organisation's time zone)? */
export function campaignPhase(campaign: { startsOn: string | null; endsOn: string | null }, today: string): "upcoming" | "open" | "ended" {
  if (campaign.startsOn && today < campaign.startsOn) return "upcoming";
  if (campaign.endsOn && today > campaign.endsOn) return "ended";
  return "open";
}

/** Can a person from this state act on the campaign (no list = every state)? */
export const isStateTargeted = (campaign: { targetStates: string[] }, state: string) => campaign.targetStates.length === 0 || campaign.targetStates.includes(state);

export type Sender = { name: string; email: string; street: string; city: string; state: string; zip: string };

/** The constituent's message for one target: greeting, their letter, their story, their signature and address. */
export function composeConstituentMessage(p: { greeting: string; letter: string; story: string; sender: Sender }): string {
  const { sender } = p;
  return [
    `Dear ${p.greeting},`,
    p.letter.trim(),
    p.story.trim() ? `In my own words:\n\n${p.story.trim()}` : null,
    `Sincerely,\n${sender.name}\n${sender.street}\n${sender.city}, ${sender.state} ${sender.zip}\n${sender.email}`,
  ]
    .filter((part): part is string => part !== null)
    .join("\n\n");
}

/** What an office receives by e-mail: the constituent's message, then, clearly apart, the organisation's statement. */
export function composeDeliveredLetter(p: { constituentMessage: string; organisationStatement: string; orgName: string }): string {
  if (!p.organisationStatement.trim()) return p.constituentMessage;
  return `${p.constituentMessage}\n\n---\nStatement from ${p.orgName}, which helped send this letter:\n\n${p.organisationStatement.trim()}`;
}
