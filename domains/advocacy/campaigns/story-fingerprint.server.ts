// The duplicate-story check's fingerprint. It hashes with node:crypto, so it lives apart from the
// pure campaign rules, which the browser bundle also imports (the admin campaign form).
import { createHash } from "node:crypto";

/**
 * A fingerprint of a person's own words, to spot the same story sent by many addresses: case,
 * spacing and punctuation do not matter. Null for an empty or very short story.
 */
export function storyFingerprint(story: string): string | null {
  const normalised = story
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (normalised.length < 20) return null;
  return createHash("sha256").update(normalised).digest("hex");
}
