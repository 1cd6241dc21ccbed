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
