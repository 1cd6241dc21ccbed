// Synthetic mentors and mentees for the bench, the seed command and the tests (pure, seeded).
// Never real people: names are "Synthetic mentor 12", addresses end in .invalid.
import type { MenteeProfile, MentorProfile } from "./scoring";
import { availabilityKeys, practiceSettings, specialties, stateCodes, type Topic, topicKeys } from "./vocabulary";

/** A small fast seeded generator (mulberry32). */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
function some<T>(r: Random, xs: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(r() * (max - min + 1));
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]);
  return out;
}
// Common specialties more often, as in the Match.
const commonSpecialties = ["Family Medicine", "Internal Medicine", "Pediatrics", "Psychiatry", "Neurology", "Pathology", "Emergency Medicine"];
const specialtyOf = (r: Random) => (r() < 0.7 ? pick(r, commonSpecialties) : pick(r, specialties));
const busyStates = ["NY", "CA", "TX", "FL", "IL", "PA", "NJ", "MI", "OH", "GA"];
const stateOf = (r: Random) => (r() < 0.6 ? pick(r, busyStates) : pick(r, stateCodes));
const otherLanguages = ["Spanish", "Arabic", "Hindi", "Urdu", "Tagalog", "French", "Mandarin", "Russian", "Portuguese", "Farsi"];
const languagesOf = (r: Random) => ["English", ...(r() < 0.5 ? some(r, otherLanguages, 1, 2) : [])];

export type SyntheticMentor = MentorProfile & { capacity: number };

export function syntheticMentors(count: number, seed: number, capacity: { min: number; max: number } = { min: 1, max: 5 }): SyntheticMentor[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, () => ({
    specialty: specialtyOf(r),
    licenceStates: Array.from(new Set([stateOf(r), ...(r() < 0.4 ? [stateOf(r)] : [])])),
    practiceSetting: pick(r, practiceSettings),
    languages: languagesOf(r),
    topics: some(r, topicKeys, 2, 6) as Topic[],
    availability: some(r, availabilityKeys, 1, 3),
    selectionCommittee: r() < 0.35,
    capacity: capacity.min + Math.floor(r() * (capacity.max - capacity.min + 1)),
  }));
}

export function syntheticMentees(count: number, seed: number, now: Date): MenteeProfile[] {
  const r = seededRandom(seed);
  const weekMs = 7 * 24 * 3600 * 1000;
  return Array.from({ length: count }, () => ({
    targetSpecialties: Array.from(new Set([specialtyOf(r), ...(r() < 0.5 ? [specialtyOf(r)] : [])])),
    topics: some(r, topicKeys, 1, 4) as Topic[],
    preferredStates: some(r, busyStates, 0, 3),
    language: r() < 0.3 ? pick(r, otherLanguages) : "English",
    availability: some(r, availabilityKeys, 1, 3),
    practiceSettings: some(r, practiceSettings, 0, 2),
    waitingSince: new Date(now.getTime() - Math.floor(r() * 52 * weekMs)),
  }));
}
