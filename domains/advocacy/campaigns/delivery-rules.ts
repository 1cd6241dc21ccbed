// Pure rules of how a person's letters stand after writing (docs/decisions/0017): what reached an
// office by e-mail, what waits for the writer's address to be confirmed, what the writer reports
// sending through an office's form or by phone, and what is only prepared. The sent page leads with
// them, the counts of staff results add them up, and the reminder lists what still needs the writer.
// No I/O.

/** The outbox's word for an e-mail (domains/email): queued, accepted by the mail server, kept (no server), failed. */
export type OutboxStatus = "queued" | "sent" | "stored" | "failed";

export type LetterFacts = {
  delivery: "email" | "prepared";
  /** The e-mail's outbox status, when it was queued. */
  outbox?: OutboxStatus;
  /** Set when the writer reported sending a prepared letter. */
  reportedSentAt: Date | string | null;
  /** Written from a browser that did not prove the address: nothing is e-mailed before the link is opened. */
  isHeld?: boolean;
};

export type LetterStanding = "delivered" | "sending" | "failed" | "kept in outbox" | "waiting for your link" | "reported sent" | "prepared";

export function letterStanding(l: LetterFacts): LetterStanding {
  if (l.delivery === "prepared") return l.reportedSentAt ? "reported sent" : "prepared";
  if (l.isHeld) return "waiting for your link";
  if (l.outbox === "sent") return "delivered";
  if (l.outbox === "failed") return "failed";
  if (l.outbox === "stored") return "kept in outbox";
  return "sending";
}

/** Does this letter still need the writer: a prepared letter not reported sent, or an e-mail waiting for their link? */
export const needsWriter = (l: LetterFacts) => ["prepared", "waiting for your link"].includes(letterStanding(l));

/** The sent page's first words: "2 of 3 letters still need you", or "All 3 delivered". */
export function sentHeadline(letters: LetterFacts[]): string {
  const total = letters.length;
  const open = letters.filter(needsWriter).length;
  if (open === 0) return total === 1 ? "Your letter is delivered" : `All ${total} delivered`;
  return `${open} of ${total} ${total === 1 ? "letter" : "letters"} still ${open === 1 ? "needs" : "need"} you`;
}

/** One card per office: the e-mailed letters first, then the prepared ones, each group in its given order. */
export const inCardOrder = <T extends { delivery: "email" | "prepared" }>(letters: T[]): T[] => [...letters.filter((l) => l.delivery === "email"), ...letters.filter((l) => l.delivery === "prepared")];

export type LetterTally = { deliveredByEmail: number; sending: number; failed: number; keptInOutbox: number; reportedSent: number; onlyPrepared: number };

/** Letters by how they stand: delivered by e-mail (the mail server accepted them), reported sent by their writers, only prepared. */
export function tallyLetters(letters: LetterFacts[]): LetterTally {
  const tally: LetterTally = { deliveredByEmail: 0, sending: 0, failed: 0, keptInOutbox: 0, reportedSent: 0, onlyPrepared: 0 };
  for (const l of letters) {
    const standing = letterStanding(l);
    if (standing === "delivered") tally.deliveredByEmail++;
    else if (standing === "failed") tally.failed++;
    else if (standing === "kept in outbox") tally.keptInOutbox++;
    else if (standing === "reported sent") tally.reportedSent++;
    else if (standing === "prepared") tally.onlyPrepared++;
    else tally.sending++;
  }
  return tally;
}

/**
 * The story the duplicate check compares: only words the person wrote. An empty story, or one left as
 * the form gave it, is never anyone's duplicate.
 */
export function storyToCompare(story: string, givenByForm = ""): string | null {
  const own = story.trim();
  if (!own) return null;
  if (givenByForm.trim() && own.replace(/\s+/g, " ") === givenByForm.trim().replace(/\s+/g, " ")) return null;
  return own;
}
