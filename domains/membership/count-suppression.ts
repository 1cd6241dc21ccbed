// Which member counts may be published (in a letter to a legislator, on a campaign page, anywhere
// the public reads): small counts are withheld, so a figure never points at a person ("1 member
// lives in Wyoming"). The counts themselves include only approved members who consented to
// anonymous statistics (member-counts.server.ts). Pure: no I/O.

/** The smallest count published. Ten is the usual small-cell threshold of statistical agencies (e.g. CMS's cell-size suppression policy withholds 1–10; we publish 10 and up). */
export const minimumPublishedCount = 10;

/** The count if it may be published, null when it must be withheld (under the threshold, or not a count at all). */
export function publishableCount(n: number): number | null {
  return Number.isSafeInteger(n) && n >= minimumPublishedCount ? n : null;
}
