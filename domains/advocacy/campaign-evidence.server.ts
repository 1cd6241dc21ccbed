// The values a letter's evidence placeholders take for a place: members living in the state or
// district (from membership, cached for a minute: letters need a figure, not a live count), the
// state's name, and what AMG asks of that state (from the state law tracker).
import type { Executor } from "../../db/client.server";
import { countMembersInDistrict, countMembersInState } from "../membership/member-counts.server";
import type { PlaceholderValues } from "./campaign-rules";
import { findStatePathway, letterAskFor } from "./state-pathways.server";
import { stateNames } from "./states";

const cache = new Map<string, { value: number; until: number }>();
const cacheMs = 60_000;

async function remembered(key: string, now: Date, load: () => Promise<number>): Promise<number> {
  const hit = cache.get(key);
  if (hit && hit.until > now.getTime()) return hit.value;
  const value = await load();
  cache.set(key, { value, until: now.getTime() + cacheMs });
  return value;
}

const formatCount = (n: number) => n.toLocaleString("en-US");

export const membersInDistrict = async (db: Executor, district: string, now: Date) => formatCount(await remembered(`d:${district}`, now, () => countMembersInDistrict(db, district)));

/** The placeholders known once the person's state is: state name, members there, the state's ask. */
export async function placeValues(db: Executor, state: string, now: Date): Promise<PlaceholderValues> {
  const [members, pathway] = await Promise.all([remembered(`s:${state}`, now, () => countMembersInState(db, state)), findStatePathway(db, state)]);
  return {
    sender_state: stateNames[state] ?? state,
    members_in_state: formatCount(members),
    ...(pathway ? { state_ask: letterAskFor(pathway) } : {}),
  };
}
