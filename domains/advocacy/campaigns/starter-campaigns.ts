// The open letters a new site starts with, in AMG's words (see shared MISSION.md). Content:
// staff edit it in the database afterwards.
export const starterOpenLetters = [
  {
    slug: "aamc",
    addressee: "the Association of American Medical Colleges (AAMC)",
    title: "To the AAMC: stand by the graduates who did not match",
    summary: "Support unmatched graduates through ERAS, and let an applicant who did not match reapply free instead of paying again every year.",
    letterMarkdown: `To the Association of American Medical Colleges,

Every year thousands of US medical graduates who passed their licensing exams are left without a residency
position. Many of them apply again, and again pay the full ERAS application fees, often thousands of
dollars a year on top of exams, travel and lost income.

We ask the AAMC to:

1. **Recognise unmatched graduates** as a group it serves, and publish how many there are each year.
2. **Support them through ERAS**: guidance, data on their outcomes, and a clear path back into training.
3. **Let an applicant who did not match reapply free** the following season, instead of paying again every year.

These doctors trained in American medical schools, passed the same exams, and are ready to serve where
the country lacks physicians. They should not be priced out of the profession they qualified for.`,
    sortOrder: 1,
  },
  {
    slug: "ecfmg",
    addressee: "Intealth / the ECFMG",
    title: "To the ECFMG: count every US-citizen graduate",
    summary: "Acknowledge that fewer than half of US-citizen and permanent-resident international medical graduates match, once those who never submitted a rank list are counted.",
    letterMarkdown: `To the Educational Commission for Foreign Medical Graduates,

Published match rates for US-citizen international medical graduates count only those who submitted a rank
list. Counted against everyone who took part, including those who withdrew or never ranked a programme, the
rate falls below one in two.

We ask the ECFMG to:

1. **Publish the full denominator** every year: all US-citizen and permanent-resident applicants, matched or not.
2. **Acknowledge the sub-50% match rate** this shows, so that students choosing a school abroad and the
   policymakers funding training see the real odds.

Honest numbers are the first step to fixing a pipeline that loses qualified American doctors every year.`,
    sortOrder: 2,
  },
  {
    slug: "congress",
    addressee: "the United States Congress and the states",
    title: "To Congress and the states: fund the positions, and oversee the Match",
    summary: "Fund more residency and collaborative-practice positions, and oversee the AAMC/NRMP Match so that it is fair to every applicant.",
    letterMarkdown: `To the Members of the United States Congress and of the state legislatures,

The United States is short of doctors, above all in primary care and in rural and underserved areas. At the
same time, qualified US medical graduates are shut out of residency for lack of positions.

We ask you to:

1. **Pass the Resident Physician Shortage Reduction Act** (H.R. 4731 / S. 2439), adding 14,000 residency
   positions over seven years.
2. **Fund collaborative-practice licences** in the states, so that graduates can care for patients under
   a physician's supervision while they keep applying.
3. **Oversee the AAMC/NRMP Match**, so that its rules and fees are fair to every applicant.`,
    sortOrder: 3,
  },
];

/** The starter letters to legislators: the federal bill, and collaborative practice in the states. */
export const starterLegislatorCampaigns = [
  {
    slug: "residency-shortage-act",
    addressee: "your US senators and representative",
    title: "Ask Congress to pass the Resident Physician Shortage Reduction Act",
    summary: "14,000 more residency positions over seven years (H.R. 4731 / S. 2439). Write to your senators and representative in two minutes.",
    bill: "H.R. 4731 / S. 2439",
    targets: ["us-senate", "us-house"],
    backgroundMarkdown: `The **Resident Physician Shortage Reduction Act of 2025** (H.R. 4731 in the House, S. 2439 in the
Senate) would fund 2,000 more Medicare-supported residency positions a year for seven years: 14,000 in all,
with shares set aside for rural hospitals, hospitals training above their cap, states with new medical
schools and hospitals serving shortage areas.

Residency is the only road to a licence. Every year thousands of US medical graduates who passed their
licensing exams are left without a position, while the country is short of doctors, most of all in primary
care and in underserved areas. More positions is the fix that helps both.`,
    letterSubject: "As your constituent, I ask you to support the Resident Physician Shortage Reduction Act",
    letterMarkdown: `I am writing as your constituent in {{sender_state}} to ask you to cosponsor and pass the Resident Physician Shortage Reduction Act of 2025 (H.R. 4731 / S. 2439).

The bill adds 14,000 Medicare-supported residency positions over seven years. Residency is the only road to a medical licence, and there are not enough positions: every year, US medical graduates who passed their licensing exams are left without one, while communities like mine wait months to see a doctor.

{{members_in_state}} members of the Alliance of Medical Graduates live in {{sender_state}}. They are ready to serve in primary care where they are needed most, if there is a training position for them.

Please cosponsor the Resident Physician Shortage Reduction Act and help bring it to a vote.`,
    supporterLetterSubject: "Thank you for supporting the Resident Physician Shortage Reduction Act",
    supporterLetterMarkdown: `Thank you for supporting the Resident Physician Shortage Reduction Act of 2025 (H.R. 4731 / S. 2439). I am writing as your constituent in {{sender_state}}.

The 14,000 residency positions this bill adds would open the road to a licence for US medical graduates who passed their exams but could not find a training position, and bring doctors to communities that need them.

{{members_in_state}} members of the Alliance of Medical Graduates live in {{sender_state}}. Please keep pushing: ask your colleagues to cosponsor, and press for a committee vote this session.`,
    organisationStatement:
      "The Alliance of Medical Graduates represents US medical graduates who passed their licensing exams but could not obtain a residency position. It supports the Resident Physician Shortage Reduction Act of 2025 (H.R. 4731 / S. 2439), which would add 14,000 Medicare-supported residency positions over seven years.",
    talkingPoints: `- The bill adds **14,000 residency positions** over seven years (2,000 a year).
- Without residency there is no licence: graduates who passed the USMLE cannot practise.
- There are fewer residency positions than applicants every year.
- Shares of the new positions go to rural hospitals and hospitals serving shortage areas.`,
    phoneScript: `Hello, my name is {{sender_name}} and I am a constituent from {{sender_city}}, ZIP code {{sender_zip}}.
I am calling to ask {{legislator_title}} {{legislator_name}} to cosponsor the Resident Physician Shortage Reduction Act, H.R. 4731 in the House and S. 2439 in the Senate.
It adds 14,000 residency positions over seven years, so that doctors who passed their exams can finish training and serve where we need them.
Thank you. Could you please tell me where the {{legislator_title}} stands on this bill?`,
    thankYouMarkdown: `**Thank you.** Congress counts constituent letters: yours now stands with those of medical graduates across the country.

Next: ask two friends to write too, and sign AMG's [open letter to Congress](/letters/congress).`,
    goal: 5000,
    sortOrder: -2,
  },
  {
    slug: "collaborative-practice",
    addressee: "your state legislators",
    title: "Ask your state to license medical graduates for collaborative practice",
    summary: "Eleven states already let medical graduates who did not match treat patients under a physician's supervision. Ask your state legislators to follow.",
    bill: "",
    targets: ["state-upper", "state-lower"],
    usesStatePathways: true,
    backgroundMarkdown: `A **collaborative-practice licence** (also called an assistant-physician or graduate-physician licence)
lets a medical graduate who passed the licensing exams but did not match treat patients under a
collaborating physician's supervision, usually in primary care and in underserved areas. It keeps skills
alive, brings care where it is short, and gives graduates a path while they keep applying to residency.

The map below shows where each state stands, and what to ask for in yours.`,
    letterSubject: "Please support collaborative-practice licences for medical graduates in {{sender_state}}",
    letterMarkdown: `I am writing as your constituent to ask for your help for medical graduates in {{sender_state}}.

Many US medical graduates pass their licensing exams but cannot find a residency position, and without residency they cannot be licensed. Several states now license these graduates to practise under a collaborating physician's supervision, bringing primary care to communities that lack it.

{{state_ask}}

{{members_in_state}} members of the Alliance of Medical Graduates live in {{sender_state}}, ready to serve patients here.`,
    supporterLetterMarkdown: "",
    organisationStatement:
      "The Alliance of Medical Graduates represents US medical graduates who passed their licensing exams but could not obtain a residency position. It supports state laws that license these graduates for collaborative practice under a physician's supervision, as eleven states already do.",
    talkingPoints: `- Eleven states already license medical graduates for collaborative practice.
- These graduates passed the same licensing exams; they practise under a physician's supervision.
- Most commit to primary care in underserved areas, where patients wait longest.`,
    phoneScript: `Hello, my name is {{sender_name}} and I live in {{sender_city}}, ZIP code {{sender_zip}}, in {{legislator_title}} {{legislator_name}}'s district.
I am calling about medical graduates who passed their licensing exams but could not get a residency position.
{{state_ask}}
Thank you for passing this on.`,
    thankYouMarkdown: `**Thank you.** State legislators hear from few constituents, so your letter carries weight.

Next: share this page with other graduates in your state, and see the [state-by-state tracker](/act/collaborative-practice#tracker).`,
    goal: 2000,
    sortOrder: -1,
  },
];

/** Sponsors and cosponsors named in data/facts/federal-bills.csv: they get the supporter letter. */
export const starterFederalSupporters = [
  { lastName: "Sewell", state: "AL", chamber: "house" },
  { lastName: "Fitzpatrick", state: "PA", chamber: "house" },
  ...(["Boozman AR", "Warnock GA", "Collins ME", "Schumer NY", "Gillibrand NY", "Rosen NV", "Klobuchar MN", "King ME", "Gallego AZ", "Welch VT", "Slotkin MI", "Durbin IL"] as const).map((s) => {
    const [lastName, state] = s.split(" ");
    return { lastName, state, chamber: "senate" as const };
  }),
] as const;
