// The values a letter's evidence placeholders take for a place: members living in the state or
// district (from membership, kept for a minute: letters need a figure, not a live count; empty
// when membership withholds a count too small to publish, and the letter leaves its sentence out), the
// state's name, and what AMG asks of that state (from the state law tracker).
import type { Executor } from "~/db/client.server";
import { shortMemoPerDatabase } from "~/platform/short-memo";
import { publishableMembersInDistrict, publishableMembersInState } from "~/domains/membership/member-counts.server";
import type { PlaceholderValues } from "./campaign-rules";
import { findStatePathway, letterAskFor } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { stateNames } from "~/domains/advocacy/legislators/states";

const counts = shortMemoPerDatabase<number | null>(60_000);
// The tracker changes rarely; a staff edit reaches the letters within five seconds.
const pathways = shortMemoPerDatabase<Awaited<ReturnType<typeof findStatePathway>>>(5_000);

/** A withheld count is written as nothing: campaign-rules leaves out the sentence citing it. */
const formatCount = (n: number | null) => (n === null ? "" : n.toLocaleString("en-US"));

/** The state's entry in the tracker, as letters and the campaign page read it. */
export const statePathwayFor = (db: Executor, state: string, now: Date) => pathways.get(db, state, now, () => findStatePathway(db, state));

/** After a staff edit in this process: the next page and letter read the tracker afresh. */
export const forgetStatePathways = (db: Executor) => pathways.clear(db);

export const membersInDistrict = async (db: Executor, district: string, now: Date) => formatCount(await counts.get(db, `d:${district}`, now, () => publishableMembersInDistrict(db, district)));

/** The placeholders known once the person's state is: state name, members there, the state's ask. */
export async function placeValues(db: Executor, state: string, now: Date): Promise<PlaceholderValues> {
  const [members, pathway] = await Promise.all([counts.get(db, `s:${state}`, now, () => publishableMembersInState(db, state)), statePathwayFor(db, state, now)]);
  return {
    sender_state: stateNames[state] ?? state,
    members_in_state: formatCount(members),
    ...(pathway ? { state_ask: letterAskFor(pathway) } : {}),
  };
}
