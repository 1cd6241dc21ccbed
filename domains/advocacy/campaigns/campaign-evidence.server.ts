// The values a letter's evidence placeholders take for a place: members living in the state or
// district (from membership, kept for a minute: letters need a figure, not a live count; empty
// when membership withholds a count too small to publish, and the letter leaves its sentence out), the
// state's name, and what AMG asks of that state (from the state law tracker).
import type { Executor } from "~/db/client.server";
import { shortMemoPerDatabase } from "~/platform/short-memo";
import { publishedMemberPlaces } from "~/domains/membership/member-counts.server";
import type { PublishedCount, PublishedPlaces } from "~/domains/evidence/suppression";
import type { PlaceholderValues } from "./campaign-rules";
import { findStatePathway, letterAskFor } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { stateNames } from "~/domains/advocacy/legislators/states";

// The whole place table at once: a state and its districts are suppressed together (decision 0025).
const places = shortMemoPerDatabase<PublishedPlaces>(60_000);
const placesOf = (db: Executor, now: Date) => places.get(db, "places", now, () => publishedMemberPlaces(db));
// The tracker changes rarely; a staff edit reaches the letters within five seconds.
const pathways = shortMemoPerDatabase<Awaited<ReturnType<typeof findStatePathway>>>(5_000);

/** A withheld count is written as nothing: campaign-rules leaves out the sentence citing it. */
const formatCount = (c: PublishedCount | undefined) => (c && c.withheld === false && c.value > 0 ? c.value.toLocaleString("en-US") : "");

/** The state's entry in the tracker, as letters and the campaign page read it. */
export const statePathwayFor = (db: Executor, state: string, now: Date) => pathways.get(db, state, now, () => findStatePathway(db, state));

/** After a staff edit in this process: the next page and letter read the tracker afresh. */
export const forgetStatePathways = (db: Executor) => pathways.clear(db);

export const membersInDistrict = async (db: Executor, district: string, now: Date) => formatCount((await placesOf(db, now)).districts[district]);

/** The placeholders known once the person's state is: state name, members there, the state's ask. */
export async function placeValues(db: Executor, state: string, now: Date): Promise<PlaceholderValues> {
  const [placeTable, pathway] = await Promise.all([placesOf(db, now), statePathwayFor(db, state, now)]);
  return {
    sender_state: stateNames[state] ?? state,
    members_in_state: formatCount(placeTable.states[state]),
    ...(pathway ? { state_ask: letterAskFor(pathway) } : {}),
  };
}
