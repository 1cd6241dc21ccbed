// The difference between a revision and the current text, line by line (the `diff` library), as
// parts the console shows as removed, added or unchanged.
import { diffLines } from "diff";

export type DiffPart = { text: string; change: "added" | "removed" | "same" };

/** From the revision (old) to the current text (new). */
export function diffTexts(revision: string, current: string): DiffPart[] {
  return diffLines(revision, current).map((part) => ({ text: part.value, change: part.added ? "added" : part.removed ? "removed" : "same" }));
}
