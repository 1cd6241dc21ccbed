// Starter content of a new site: AMG's settings, the figures it states (with the official
// figures from data/facts/stated-figures.csv beside them) and the About page. Seeded once;
// afterwards every word here is content that staff edit, not code.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { appPath } from "~/platform/app-root";
import type { OfficeHours, Organisation } from "./site.schema";

export const starterOrganisation: Organisation = {
  name: "Alliance of Medical Graduates",
  shortName: "AMG",
  tagline: "Doctors ready to serve, waiting for a residency position.",
  // AMG's published address (shared MISSION.md); no street address is published.
  email: "AllianceofMG@gmail.com",
  streetAddress: "",
  city: "Syracuse",
  region: "NY",
  postalCode: "",
  country: "US",
  primaryColour: "#0b4f6c",
  accentColour: "#c2410c",
  logoUrl: "",
};

const nineToFive = { opens: "09:00", closes: "17:00" };
export const starterOfficeHours: OfficeHours = {
  timeZone: "America/New_York",
  zoneLabel: "ET",
  weekly: {
    monday: nineToFive,
    tuesday: nineToFive,
    wednesday: nineToFive,
    thursday: nineToFive,
    friday: nineToFive,
    saturday: null,
    sunday: null,
  },
  observeUsFederalHolidays: true,
  closedDates: [],
};

/** AMG's own statement of each figure, keyed by the `claim` column of stated-figures.csv. */
const amgStatements: Record<string, { slug: string; statement: string }> = {
  "unmatched graduates 2013-2022": {
    slug: "unmatched-graduates",
    statement: "medical school graduates could not continue their training to a licence between 2013 and 2022.",
  },
  "doctors short in shortage areas": {
    slug: "shortage-areas",
    statement: "doctors are missing in the country's health professional shortage areas today.",
  },
  "residency positions per applicant": {
    slug: "positions-per-applicant",
    statement: "residency positions exist for each applicant, so qualified doctors go untrained every year.",
  },
  "cost of applying per year": {
    slug: "cost-of-applying",
    statement: "is what one year of applying to residency can cost; those who do not match pay ERAS again every year.",
  },
  "US-citizen IMG match rate counting no rank list": {
    slug: "us-img-match-rate",
    statement: "is the match rate of US-citizen and permanent-resident international graduates once those who never submitted a rank list are counted.",
  },
  "new residency positions in the bill": {
    slug: "new-positions-in-bill",
    statement: "residency positions would be added by the Resident Physician Shortage Reduction Act.",
  },
};

/** What readers see beside each starter figure: one plain sentence on how the two compare, and where to check the official figure. */
const publicNotes: Record<string, { explanation: string; sourceUrl: string; officialSource?: string }> = {
  "unmatched-graduates": {
    explanation:
      "No agency publishes a single count of graduates left without a residency. The NRMP's yearly tables show roughly 13,000 to 15,500 applicants every year who did not match, withdrew or never submitted a rank list; AMG's total adds those years up, so someone who applied in several years is counted in each of them.",
    sourceUrl: "https://www.nrmp.org/match-data/",
  },
  "positions-per-applicant": {
    explanation: "The official figures agree: the Match offered about 72 first-year positions for every 100 registered applicants in 2019 and again in 2021.",
    sourceUrl: "https://www.nrmp.org/match-data/",
  },
  "shortage-areas": {
    explanation:
      "The federal figure measures something narrower: the primary-care practitioners needed only to lift every shortage-area designation (13,364 in March 2025), not all the doctors those places lack. Either way, thousands of communities are short of doctors while trained graduates wait.",
    sourceUrl: "https://data.hrsa.gov/topics/health-workforce/shortage-areas",
  },
  "cost-of-applying": {
    explanation:
      "Application fees are only part of the cost: ERAS fees alone come to about $3,800 to $3,900 for 150 programmes, before licensing exams, clinical rotations, interviews and travel. The chart of members' own logged costs below shows what a cycle costs them in full.",
    sourceUrl: "https://students-residents.aamc.org/applying-residencies-eras",
  },
  "us-img-match-rate": {
    explanation:
      "The official data support it: counting those who registered but never submitted a rank list, 39.0% of US-citizen international graduates matched in 2016 and 41.5% in 2018. The NRMP counts permanent residents with non-citizens, so no separate rate is published for them.",
    sourceUrl: "https://www.nrmp.org/match-data/",
  },
  "new-positions-in-bill": {
    explanation: "The bill's text confirms it: 2,000 more Medicare-supported residency positions in each of seven fiscal years, 2026 to 2032.",
    sourceUrl: "https://www.congress.gov/bill/119th-congress/house-bill/3890",
    officialSource: "Bill text of H.R. 3890, Resident Physician Shortage Reduction Act of 2025",
  },
};

export type StarterFigure = {
  slug: string;
  claim: string;
  amgFigure: string;
  amgStatement: string;
  officialFigure: string | null;
  officialBasis: string | null;
  officialSource: string | null;
  verdict: string | null;
  sourceUrl: string | null;
  checkedOn: string | null;
  sortOrder: number;
};

export function readStarterFigures(csvPath = appPath("data", "facts", "stated-figures.csv")): StarterFigure[] {
  const rows = parse(readFileSync(csvPath, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((row, i) => {
    const known = amgStatements[row.claim];
    const slug =
      known?.slug ??
      row.claim
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
    const note = publicNotes[slug];
    return {
      slug,
      claim: row.claim,
      amgFigure: row.amg_figure,
      amgStatement: known?.statement ?? row.claim,
      officialFigure: row.official_figure || null,
      officialBasis: row.official_basis || null,
      officialSource: note?.officialSource ?? (row.source || null),
      // The CSV's verdict column is a research note, not copy for readers: only a written sentence is shown.
      verdict: note?.explanation ?? null,
      sourceUrl: note?.sourceUrl ?? null,
      checkedOn: null,
      sortOrder: i,
    };
  });
}

export const starterPages = [
  {
    slug: "about",
    title: "About the Alliance of Medical Graduates",
    summary: "A volunteer-doctor nonprofit in Syracuse, New York, for US medical graduates who could not get a residency position.",
    bodyMarkdown: `## Who we are

The Alliance of Medical Graduates (AMG) is a nonprofit run by volunteer doctors and based in Syracuse, New York.
We speak for US medical graduates who finished medical school and passed their licensing exams but could not
get a residency position, and so cannot be licensed to practise.

## Who our members are

Our members are US citizens or lawful permanent residents. Each one graduated from medical school and passed
the USMLE exams they needed: about eight years of study after high school and three nine-hour licensing exams.
Many are first- or second-generation immigrants; many come from minority, underserved or blue-collar
communities and were the first in their family to finish college. Every one of them is ready to work as a
primary-care physician where America needs doctors most.

## The problem

Between 2013 and 2022, by AMG's count, 119,218 medical graduates could not continue their training to a licence.
There are fewer residency positions than qualified applicants, so each year many doctors are left out, and
those who reapply pay the application fees again. Meanwhile whole regions of the country lack primary-care
doctors. Our [numbers page](/numbers) shows each figure with its source, beside the official figure.

## What we do

- **Mentorship.** Volunteer physicians mentor graduates who are still working to finish their training:
  members [ask for a mentor](/account/mentor), physicians [volunteer as mentors](/mentors).
- **Advocacy in Congress.** We work to pass the Resident Physician Shortage Reduction Act, which would add
  14,000 residency positions over seven years (H.R. 4731 / S. 2439 in the 119th Congress).
- **Advocacy in the states.** We work with state legislators to create and expand collaborative-practice
  licences that let medical graduates care for patients under a physician's supervision.
- **Open letters.** We ask the AAMC, the ECFMG and government to make the Match fairer to every applicant.

## How you can help

[Become a member](/join) if you are an unmatched graduate, [write to your legislators](/act),
[sign our open letters](/letters) and [subscribe to our newsletter](/newsletter).
`,
  },
];
