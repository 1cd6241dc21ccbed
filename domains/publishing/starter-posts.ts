// Starter posts of a new site, written for AMG from its mission. Seeded once (with their tags and
// categories); afterwards they are content that staff edit or delete, not code.

export type StarterPost = { slug: string; title: string; excerpt: string; category: string; tags: string[]; daysAgo: number; body: string };

export const starterCategories = [
  { slug: "stories", name: "Stories", description: "What it is like to be a doctor without a residency position." },
  { slug: "legislation", name: "Legislation", description: "The federal and state laws AMG works on, explained." },
  { slug: "advice", name: "Advice", description: "Practical help for graduates applying, reapplying and waiting." },
];

export const starterPosts: StarterPost[] = [
  {
    slug: "what-it-means-to-be-unmatched",
    title: "What it means to be unmatched",
    excerpt: "A medical degree, passed licensing exams, and no way to finish training: the quiet limbo of thousands of American doctors.",
    category: "stories",
    tags: ["Unmatched graduates", "Residency"],
    daysAgo: 30,
    body: `Every March, thousands of people who have finished medical school open an e-mail that says they did not match. They studied for eight years after high school. They passed the USMLE exams that a licence requires, each one a full day of questions. And without a residency position, none of that leads to a licence to practise.

## A degree that cannot be used

A graduate who does not match cannot see patients as a doctor. Most states license physicians only after at least one year of residency training, and residency positions are scarce: there are about 0.72 positions for every applicant. Between 2013 and 2022, 119,218 medical school graduates could not continue their training to a licence (Source: AMG).

## Who they are

AMG's members are US citizens and permanent residents. Many are first- or second-generation immigrants, many come from minority, underserved or blue-collar communities, and many were the first in their family to finish college. Almost all of them would work in primary care, in the places that need doctors most.

## What waiting costs

Waiting is not a pause. Skills fade, clinical experience grows old, and programmes prefer recent graduates, so every year unmatched makes the next application harder. Meanwhile the federal student loans keep growing.

## What you can do

Tell your legislators that trained doctors are ready to serve. If you are a qualified graduate, [become a member](/join) so that your numbers count in the evidence AMG brings to Congress and the states.`,
  },
  {
    slug: "the-federal-residency-bill-explained",
    title: "The federal residency bill, explained",
    excerpt: "The Resident Physician Shortage Reduction Act would fund 14,000 new residency positions over seven years. Here is what it does and why it matters.",
    category: "legislation",
    tags: ["Resident Physician Shortage Reduction Act", "Congress", "Residency"],
    daysAgo: 24,
    body: `Most residency positions in the United States are paid for by Medicare, and Congress capped the number it funds in 1997. The population has grown and aged since then; the cap has barely moved. The result is a bottleneck between medical school and practice.

## What the bill does

The Resident Physician Shortage Reduction Act would add 14,000 Medicare-funded residency positions, phased in over seven years. A share of the new positions goes to hospitals in rural areas, in states with new medical schools, and to hospitals already training more residents than their cap.

## Where it stands

The 2023 version lapsed at the end of the 118th Congress. The bill was introduced again in the 119th Congress as H.R. 4731 in the House and S. 2439 in the Senate. A bill with many cosponsors from both parties stands a better chance of reaching a vote.

## Why AMG supports it

The country is short of doctors, about 33,000 in health professional shortage areas by AMG's count, while trained graduates wait for a position. More positions are the most direct way to turn those graduates into practising physicians.

## How to help

[Write to your senators and representative](/act): it takes two minutes, and a letter from a constituent is counted by their staff.`,
  },
  {
    slug: "collaborative-practice-in-the-states",
    title: "Collaborative practice: how states are opening a door",
    excerpt: "Several states now license medical graduates to practise under a supervising physician without a residency. What collaborative practice is, and where it exists.",
    category: "legislation",
    tags: ["Collaborative practice", "State legislation"],
    daysAgo: 17,
    body: `Congress decides how many residency positions Medicare funds; states decide who may practise medicine. That is why some states have created a collaborative practice licence for medical graduates who did not match.

## How it works

A graduate who has passed the required licensing exams practises under a written agreement with a licensed physician, usually in primary care and often in a shortage area. The supervising physician is available for consultation, reviews a share of the charts, and the agreement sets out what the graduate may do. After some years of collaborative practice, some states let the graduate apply for a full licence.

## Where it exists

Missouri was the first state to pass such a law. Others have followed with their own versions, and bills are pending in more. The [state law tracker](/act) shows the status in each state, kept up to date by AMG's volunteers.

## Why it matters

Collaborative practice puts trained doctors to work where patients wait longest for care. It costs the state little, and it keeps graduates' skills alive while they reapply to residency.

## What you can do

If your state has no such law, write to your state legislators and ask them to introduce one. If a bill is pending, ask them to support it.`,
  },
  {
    slug: "the-cost-of-applying-to-residency",
    title: "The cost of applying to residency",
    excerpt: "Application fees, exams, travel and the fee charged again every year: why a single season can cost more than $10,000.",
    category: "advice",
    tags: ["Match season", "ERAS", "Unmatched graduates"],
    daysAgo: 11,
    body: `Applying to residency is expensive, and applying again is just as expensive. By AMG's estimate one season can cost upward of $10,000.

## Where the money goes

- **ERAS fees**: the electronic application service charges per programme, and the fee per programme rises as the list grows. Applicants who did not match apply to many programmes to improve their chances.
- **Exams and certificates**: score reports, credential verification and, for international graduates, certification fees.
- **Interviews and travel**: even with virtual interviews, many applicants travel for observerships or in-person visits.
- **Time**: months of preparation during which many applicants cannot work in medicine.

## Paying again every year

An applicant who did not match pays the whole application fee again the next season. AMG has asked the AAMC whether it is fair to charge the same person every year, and has asked that applicants who did not match be allowed to reapply free of charge.

## Keeping costs down

Apply where your profile fits: programmes publish the graduates they accept. Ask mentors to review your list before you pay. Keep a record of what you spend: AMG's members' own figures are the strongest evidence in our letters to Congress.`,
  },
  {
    slug: "how-to-find-a-mentor",
    title: "How to find a mentor",
    excerpt: "A physician who has been through the match can read your application as a programme director would. How to ask, and what to ask for.",
    category: "advice",
    tags: ["Mentors", "Match season"],
    daysAgo: 6,
    body: `Graduates who match after a hard year often say the same thing: someone who had been through it read their application and told them the truth.

## Who makes a good mentor

A practising physician, ideally in the specialty you apply to, who has sat on an interview panel or knows how programmes choose. A resident who matched recently is valuable too: the process changes quickly.

## How to ask

Be specific and brief. Say who you are, what you have done since graduating, and what you would like: a review of your personal statement, a mock interview, or advice on your programme list. Offer a short call at a time that suits them.

## What to bring

- Your CV and personal statement, already proofread;
- your scores and the dates you took each exam;
- the programmes you plan to apply to, and why.

## Through AMG

AMG's volunteer physicians mentor graduates who are still working to finish their training. [Become a member](/join) to be matched with one, and tell us in your profile which specialties you are aiming for.`,
  },
  {
    slug: "match-season-checklist",
    title: "A match-season checklist",
    excerpt: "From the summer before to Match Day: what to do, month by month, to give your application its best chance.",
    category: "advice",
    tags: ["Match season", "ERAS", "Residency"],
    daysAgo: 2,
    body: `The match season rewards people who start early. Here is a checklist, month by month.

## Before June

- Check that every USMLE score you need is reported and valid for the programmes you want.
- Ask for letters of recommendation from physicians who know your clinical work.
- Update your CV with everything you have done since graduating: research, observerships, volunteering.

## June to September

- Write your personal statement, and have a mentor read it.
- Build your programme list from the programmes' own criteria.
- Submit your application as soon as ERAS opens to programmes: many review in the order they receive.

## October to January

- Prepare for interviews with mock interviews.
- Send a short thank-you after each interview.
- Keep a record of what each programme told you.

## February and March

- Submit your rank list before the deadline, ranking programmes in the order you truly prefer.
- Plan for both outcomes: if you do not match, decide early whether to take part in the supplemental offer process.

## Whatever happens

If you do not match this year, you are not alone, and you are not done. [Join AMG](/join): your experience adds to the evidence that changes the system.`,
  },
];
