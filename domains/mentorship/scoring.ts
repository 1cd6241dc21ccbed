// How well a mentor fits a mentee, as integer points with the reasons in words (pure, no I/O).
// Owns the scoring rule and its weights; does not own who is eligible (the use cases decide) nor
// the assignment (assignment.ts). The same rule runs on two representations: `scorePair` on the
// readable profiles (the console, the e-mails, the tests) and `encodeMentors`/`encodeMentees` +
// `fitOf` on bit masks, fast enough to score 120,000 × 3,000 pairs in a few seconds; a test checks
// that both always agree.
import { z } from "zod";
import {
  type Availability,
  availabilityKeys,
  availabilityLabels,
  languageLabel,
  normaliseLanguage,
  type PracticeSetting,
  practiceSettingLabels,
  practiceSettings,
  type Specialty,
  specialties,
  specialtyFamilies,
  stateCodes,
  stateName,
  type Topic,
  topicKeys,
  topicLabels,
} from "./vocabulary";

const points = z.number().int().min(0).max(100);

/** The weights staff can change; the defaults below are what a new installation uses. */
export const matchWeightsSchema = z.object({
  /** The mentor's specialty is one the mentee is aiming for. */
  sameSpecialty: points,
  /** The mentor's specialty is a close one (same family). */
  relatedSpecialty: points,
  /** All the mentee's topics covered; a share of it for some. */
  topics: points,
  /** The mentor is licensed in one of the mentee's preferred states. */
  state: points,
  /** The mentor speaks the mentee's language. */
  language: points,
  /** All the mentee's available times shared; a share of it for some. */
  availability: points,
  /** The mentor practises in a setting the mentee is interested in. */
  practiceSetting: points,
  /** The mentor has served on a residency selection committee and the mentee wants help with applications or interviews. */
  selectionCommittee: points,
  /** Points per full week waiting (only for pairs that fit at all), so long waits rise. */
  perWeekWaiting: points,
  /** Waiting points stop growing after this many weeks. */
  waitingCapWeeks: z.number().int().min(0).max(520),
  /** Pairs whose fit (without waiting) is below this are not proposed at all. */
  minimumFit: z.number().int().min(1).max(500),
});
export type MatchWeights = z.infer<typeof matchWeightsSchema>;

export const defaultMatchWeights: MatchWeights = {
  sameSpecialty: 30,
  relatedSpecialty: 12,
  topics: 25,
  state: 15,
  language: 10,
  availability: 10,
  practiceSetting: 5,
  selectionCommittee: 5,
  perWeekWaiting: 1,
  waitingCapWeeks: 26,
  minimumFit: 10,
};

export type MentorProfile = {
  specialty: string;
  licenceStates: readonly string[];
  practiceSetting: PracticeSetting;
  languages: readonly string[];
  topics: readonly Topic[];
  availability: readonly Availability[];
  selectionCommittee: boolean;
};

export type MenteeProfile = {
  targetSpecialties: readonly string[];
  topics: readonly Topic[];
  preferredStates: readonly string[];
  language: string;
  availability: readonly Availability[];
  practiceSettings: readonly PracticeSetting[];
  /** When the request joined the line (a declined or expired proposal keeps it). */
  waitingSince: Date;
};

export type PairScore = { score: number; fit: number; reasons: string[] };

const weekMs = 7 * 24 * 3600 * 1000;
export const weeksWaiting = (since: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / weekMs));

const familyOf = (s: string) => specialtyFamilies.find((f) => f.includes(s as Specialty));
const share = (weight: number, have: number, of: number) => (of === 0 ? 0 : Math.round((weight * have) / of));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const listWords = (words: string[]) => (words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`);

/** Waiting points of a mentee (the same towards every mentor that fits). */
export function waitingPoints(weights: MatchWeights, since: Date, now: Date) {
  return weights.perWeekWaiting * Math.min(weeksWaiting(since, now), weights.waitingCapWeeks);
}

/** The score of one pair with its reasons. A pair below the minimum fit scores 0 (never proposed). */
export function scorePair(mentor: MentorProfile, mentee: MenteeProfile, weights: MatchWeights, now: Date): PairScore {
  const reasons: string[] = [];
  let fit = 0;
  if (mentee.targetSpecialties.includes(mentor.specialty)) {
    fit += weights.sameSpecialty;
    reasons.push(`same specialty: ${mentor.specialty.toLowerCase()}`);
  } else {
    const family = familyOf(mentor.specialty);
    const near = family && mentee.targetSpecialties.find((s) => family.includes(s as Specialty));
    if (near) {
      fit += weights.relatedSpecialty;
      reasons.push(`related specialty: ${mentor.specialty.toLowerCase()} for ${near.toLowerCase()}`);
    }
  }
  const topics = mentee.topics.filter((t) => mentor.topics.includes(t));
  if (topics.length > 0) {
    fit += share(weights.topics, topics.length, mentee.topics.length);
    reasons.push(
      topics.length === mentee.topics.length
        ? `all ${plural(topics.length, "topic")} (${listWords(topics.map((t) => topicLabels[t]))})`
        : `${topics.length} of ${mentee.topics.length} topics (${listWords(topics.map((t) => topicLabels[t]))})`,
    );
  }
  const states = mentee.preferredStates.map((s) => s.toUpperCase()).filter((s) => mentor.licenceStates.some((l) => l.toUpperCase() === s));
  if (states.length > 0) {
    fit += weights.state;
    reasons.push(`licensed in ${listWords(states.map(stateName))}`);
  }
  const language = normaliseLanguage(mentee.language);
  if (language && mentor.languages.some((l) => normaliseLanguage(l) === language)) {
    fit += weights.language;
    reasons.push(`both speak ${languageLabel(language)}`);
  }
  const times = mentee.availability.filter((a) => mentor.availability.includes(a));
  if (times.length > 0) {
    fit += share(weights.availability, times.length, mentee.availability.length);
    reasons.push(`both free ${listWords(times.map((a) => availabilityLabels[a]))}`);
  }
  if (mentee.practiceSettings.includes(mentor.practiceSetting)) {
    fit += weights.practiceSetting;
    reasons.push(`practises in a ${practiceSettingLabels[mentor.practiceSetting]} setting`);
  }
  if (mentor.selectionCommittee && wantsCommitteeView(mentee.topics)) {
    fit += weights.selectionCommittee;
    reasons.push("has served on a residency selection committee");
  }
  if (fit < weights.minimumFit) return { score: 0, fit, reasons: [`too little in common (${fit} points, at least ${weights.minimumFit} needed)`] };
  const weeks = weeksWaiting(mentee.waitingSince, now);
  const waiting = waitingPoints(weights, mentee.waitingSince, now);
  if (weeks > 0) reasons.push(`waiting ${plural(weeks, "week")}`);
  return { score: fit + waiting, fit, reasons };
}

const wantsCommitteeView = (topics: readonly Topic[]) => topics.includes("interviews") || topics.includes("application-strategy");

// ——— the same rule on bit masks ———

const bitOf = <T extends string>(keys: readonly T[]) => {
  const index = new Map<string, number>(keys.map((k, i) => [k, i]));
  return (values: readonly string[]) => {
    let mask = 0;
    for (const v of values) {
      const i = index.get(v);
      if (i !== undefined) mask |= 1 << i;
    }
    return mask;
  };
};
const topicMask = bitOf(topicKeys);
const availabilityMask = bitOf(availabilityKeys);
const settingMask = bitOf(practiceSettings);
const specialtyIndex = new Map<string, number>(specialties.map((s, i) => [s, i]));
const stateIndex = new Map<string, number>(stateCodes.map((s, i) => [s, i]));
const familyMasks = specialties.map((s) => {
  const family = familyOf(s);
  return family ? bitOf(specialties)(family) : 0;
});
const popcount = (x: number) => {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
};

function stateMasks(codes: readonly string[]) {
  let lo = 0;
  let hi = 0;
  for (const c of codes) {
    const i = stateIndex.get(c.toUpperCase());
    if (i === undefined) continue;
    if (i < 31) lo |= 1 << i;
    else hi |= 1 << (i - 31);
  }
  return [lo, hi] as const;
}

/** Languages as bits: the first 30 distinct languages of an instance get one; rarer ones compare by name. */
export class LanguageBits {
  private readonly bits = new Map<string, number>();
  bitOf(language: string) {
    const l = normaliseLanguage(language);
    if (!l) return 0;
    let bit = this.bits.get(l);
    if (bit === undefined) {
      bit = this.bits.size < 30 ? 1 << this.bits.size : 0;
      this.bits.set(l, bit);
    }
    return bit;
  }
}

export type EncodedMentors = {
  count: number;
  specialty: Int8Array;
  topics: Uint8Array;
  statesLo: Int32Array;
  statesHi: Int32Array;
  languages: Int32Array;
  availability: Uint8Array;
  setting: Uint8Array;
  committee: Uint8Array;
  /** Languages beyond the 30 with bits, by name (rare). */
  otherLanguages: (readonly string[] | undefined)[];
};

export function encodeMentors(mentors: readonly MentorProfile[], languageBits: LanguageBits): EncodedMentors {
  const n = mentors.length;
  const e: EncodedMentors = {
    count: n,
    specialty: new Int8Array(n),
    topics: new Uint8Array(n),
    statesLo: new Int32Array(n),
    statesHi: new Int32Array(n),
    languages: new Int32Array(n),
    availability: new Uint8Array(n),
    setting: new Uint8Array(n),
    committee: new Uint8Array(n),
    otherLanguages: new Array(n),
  };
  mentors.forEach((m, j) => {
    e.specialty[j] = specialtyIndex.get(m.specialty) ?? -1;
    e.topics[j] = topicMask(m.topics);
    [e.statesLo[j], e.statesHi[j]] = stateMasks(m.licenceStates);
    let langs = 0;
    const other: string[] = [];
    for (const l of m.languages) {
      const bit = languageBits.bitOf(l);
      if (bit) langs |= bit;
      else if (normaliseLanguage(l)) other.push(normaliseLanguage(l));
    }
    e.languages[j] = langs;
    if (other.length) e.otherLanguages[j] = other;
    e.availability[j] = availabilityMask(m.availability);
    e.setting[j] = settingMask([m.practiceSetting]);
    e.committee[j] = m.selectionCommittee ? 1 : 0;
  });
  return e;
}

/** One mentee ready for the fast loop: masks plus the points for each number of shared topics/times. */
export type EncodedMentee = {
  targets: number;
  family: number;
  topics: number;
  topicPoints: Int32Array;
  statesLo: number;
  statesHi: number;
  language: number;
  languageName: string;
  availability: number;
  availabilityPoints: Int32Array;
  settings: number;
  wantsCommittee: boolean;
  waiting: number;
};

export function encodeMentee(m: MenteeProfile, weights: MatchWeights, now: Date, languageBits: LanguageBits): EncodedMentee {
  const targets = bitOf(specialties)(m.targetSpecialties);
  let family = 0;
  for (const s of m.targetSpecialties) {
    const i = specialtyIndex.get(s);
    if (i !== undefined) family |= familyMasks[i];
  }
  const topics = topicMask(m.topics);
  const nTopics = popcount(topics);
  const availability = availabilityMask(m.availability);
  const nTimes = popcount(availability);
  const [statesLo, statesHi] = stateMasks(m.preferredStates);
  return {
    targets,
    family: family & ~targets,
    topics,
    topicPoints: Int32Array.from({ length: 9 }, (_, k) => share(weights.topics, k, nTopics)),
    statesLo,
    statesHi,
    language: languageBits.bitOf(m.language),
    languageName: normaliseLanguage(m.language),
    availability,
    availabilityPoints: Int32Array.from({ length: 5 }, (_, k) => share(weights.availability, k, nTimes)),
    settings: settingMask(m.practiceSettings),
    wantsCommittee: wantsCommitteeView(m.topics),
    waiting: waitingPoints(weights, m.waitingSince, now),
  };
}

const pop8 = Uint8Array.from({ length: 256 }, (_, i) => popcount(i));

/** The fit of mentor `j` for an encoded mentee (without waiting points): the hot loop of a round. */
export function fitOf(e: EncodedMentors, j: number, m: EncodedMentee, w: MatchWeights): number {
  let fit = 0;
  const s = e.specialty[j];
  if (s >= 0) {
    if ((m.targets >>> s) & 1) fit += w.sameSpecialty;
    else if ((m.family >>> s) & 1) fit += w.relatedSpecialty;
  }
  fit += m.topicPoints[pop8[e.topics[j] & m.topics]];
  if ((e.statesLo[j] & m.statesLo) | (e.statesHi[j] & m.statesHi)) fit += w.state;
  if (m.language ? e.languages[j] & m.language : m.languageName && e.otherLanguages[j]?.includes(m.languageName)) fit += w.language;
  fit += m.availabilityPoints[pop8[e.availability[j] & m.availability]];
  if (e.setting[j] & m.settings) fit += w.practiceSetting;
  if (e.committee[j] && m.wantsCommittee) fit += w.selectionCommittee;
  return fit;
}

/** The score the round uses: 0 below the minimum fit, else fit plus waiting points. */
export const scoreOf = (fit: number, m: EncodedMentee, w: MatchWeights) => (fit < w.minimumFit ? 0 : fit + m.waiting);
