// Which state legislative districts does a person live in, exactly? A ZIP alone gives candidates
// (the zip_state_districts table, read by planTargets: one district, or a few to choose from, or the
// state's list for a ZIP the table lacks). An online geocoder (an address → districts service) can be
// plugged in here: implement StateDistrictResolver and pass it to planTargets / sendCampaignLetter;
// a district it returns outranks the ZIP's candidates, and nothing else changes. See
// docs/decisions/0011-legislator-letters.md and 0018-state-districts-from-zip.md.

export type PersonPlace = { street?: string; city?: string; state: string; zip: string };

/** State legislative districts, as written in the state legislators data (e.g. "5", "12A"). */
export type StateDistricts = { upper?: string; lower?: string };

export interface StateDistrictResolver {
  /** The person's districts, or null when this resolver cannot tell. */
  resolve(place: PersonPlace): Promise<StateDistricts | null>;
}

/** The default: no geocoder, so the ZIP's candidates (or the state's list) decide. */
export const pickFromListResolver: StateDistrictResolver = {
  async resolve() {
    return null;
  },
};
