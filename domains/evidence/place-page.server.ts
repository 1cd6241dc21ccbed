// A state's or a congressional district's evidence page and one-page brief (/numbers/ny,
// /numbers/ny-22): members living there (from the one suppressed place table), their readiness
// and specialties, the place's members of Congress and where each stands on the bill, campaign
// actions by constituents there (suppressed as well), and the state's collaborative-practice status.
import type { Executor } from "~/db/client.server";
import { campaignActionsInPlace, districtsOfState, legislatorsForPlace, pathwayOfState } from "~/domains/advocacy/place-advocacy.server";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { placeStatistics, publicNumbers } from "./public-numbers.server";
import { refreshingCache } from "./refreshing-cache";
import { type PublishedCount, suppressLine } from "./suppression";

/** "ny" → the state NY; "ny-22" → district NY-22 of NY. Null when it names no known place. */
export function parsePlace(slug: string): { state: string; district: string | null; districtNumber: number | null } | null {
  const m = /^([a-z]{2})(?:-(\d{1,2}))?$/.exec(slug.toLowerCase());
  if (!m) return null;
  const state = m[1].toUpperCase();
  if (!stateNames[state]) return null;
  return m[2] === undefined ? { state, district: null, districtNumber: null } : { state, district: `${state}-${Number(m[2])}`, districtNumber: Number(m[2]) };
}

async function computePlacePage(db: Executor, slug: string, now: Date) {
  const place = parsePlace(slug);
  if (!place) return null;
  const districts = await districtsOfState(db, place.state);
  if (place.district && !districts.includes(place.district)) return null;
  const numbers = await publicNumbers(db, now);
  const members: PublishedCount = (place.district ? numbers.places.districts[place.district] : numbers.places.states[place.state]) ?? { value: 0, withheld: false };
  const [stats, legislators, actions, pathway] = await Promise.all([
    placeStatistics(db, place.district ? { kind: "district", district: place.district } : { kind: "state", state: place.state }, members, now),
    legislatorsForPlace(db, place.state, place.districtNumber),
    campaignActionsInPlace(db, place.state, place.district),
    pathwayOfState(db, place.state),
  ]);
  const actionLine = suppressLine(actions.map((a) => a.actions));
  return {
    slug: slug.toLowerCase(),
    state: place.state,
    stateName: stateNames[place.state],
    district: place.district,
    name: place.district ? `${stateNames[place.state]}'s congressional district ${place.districtNumber === 0 ? "(at large)" : place.districtNumber}` : stateNames[place.state],
    computedAt: numbers.computedAt,
    members,
    ...stats,
    districts: place.district ? [] : districts,
    legislators,
    actions: actions.map((a, i) => ({ campaign: a.campaign, slug: a.slug, count: actionLine.cells[i] })),
    actionsTotal: actionLine.total,
    pathway,
  };
}

export type PlacePage = NonNullable<Awaited<ReturnType<typeof computePlacePage>>>;

const memo = refreshingCache<PlacePage | null>(5 * 60_000);

/** A place's page, kept five minutes per process; null when the place does not exist. */
export const placePage = async (db: Executor, slug: string, now: Date) => (parsePlace(slug) ? memo.get(db, slug.toLowerCase(), now, () => computePlacePage(db, slug, now)) : null);

/** After new data: the place pages compute afresh. */
export const forgetPlacePages = (db: Executor) => memo.clear(db);
