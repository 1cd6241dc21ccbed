// Which state legislative districts does a person live in? No open ZIP-to-state-district table
// exists, so by default nobody can tell and the person picks their state legislators from their
// state's list. An online geocoder (an address → districts service) can be plugged in here later:
// implement StateDistrictResolver and pass it to planTargets / sendCampaignLetter. The campaign
// code only reads the districts it returns, so nothing else changes. See
// docs/decisions/0011-legislator-letters.md.

export type PersonPlace = { street?: string; city?: string; state: string; zip: string };

/** State legislative districts, as written in the state legislators data (e.g. "5", "12A"). */
export type StateDistricts = { upper?: string; lower?: string };

export interface StateDistrictResolver {
  /** The person's districts, or null when this resolver cannot tell. */
  resolve(place: PersonPlace): Promise<StateDistricts | null>;
}

/** The default: no geocoder, so the person chooses from the state's list. */
export const pickFromListResolver: StateDistrictResolver = {
  async resolve() {
    return null;
  },
};
