// A small hand-computed membership for the evidence tests (integration and browser): who lives
// where, graduated when, passed what, and the match cycles they logged. The expected published
// figures are worked out by hand in public-numbers.integration.test.ts.
import type { Executor } from "~/db/client.server";
import { applications, matchCycles, people } from "~/db/schema/index";

type Member = { state: string; district: string; graduationYear: number; step: 0 | 1 | 2; specialty: string; consent?: boolean; status?: "approved" | "awaiting-review" };

const groups: { n: number; m: Member }[] = [
  { n: 12, m: { state: "NY", district: "NY-22", graduationYear: 2020, step: 2, specialty: "Family medicine" } },
  { n: 3, m: { state: "NY", district: "NY-21", graduationYear: 2024, step: 1, specialty: "Pediatrics" } },
  { n: 20, m: { state: "CA", district: "CA-12", graduationYear: 2015, step: 0, specialty: "Internal medicine" } },
  { n: 2, m: { state: "WY", district: "WY-0", graduationYear: 2026, step: 0, specialty: "Family medicine" } },
  // Not counted: an approved member who did not consent, and a consenting applicant not yet approved.
  { n: 1, m: { state: "NY", district: "NY-22", graduationYear: 2020, step: 2, specialty: "Family medicine", consent: false } },
  { n: 1, m: { state: "CA", district: "CA-12", graduationYear: 2015, step: 0, specialty: "Internal medicine", status: "awaiting-review" } },
];

const exams = (step: 0 | 1 | 2) => ({
  step1: { result: step >= 1 ? ("passed" as const) : ("not-taken" as const), date: null },
  step2ck: { result: step >= 2 ? ("passed" as const) : ("not-taken" as const), date: null },
});

/** Inserts the fixture; CA members log a 2025 cycle (5 matched, costs $1,000…$20,000), NY-22's a 2024 cycle each (none matched, no cost). */
export async function insertEvidenceFixture(db: Executor): Promise<void> {
  let i = 0;
  for (const { n, m } of groups) {
    for (let k = 0; k < n; k++, i++) {
      const email = `member${i}@example.org`;
      await db.insert(applications).values({
        publicId: `pub-ev-${i}`,
        email,
        name: `Member ${i}`,
        zip: "00000",
        state: m.state,
        districts: [m.district],
        citizenship: "us-citizen",
        degree: "MD",
        schoolName: "A school",
        schoolCountry: "US",
        graduationYear: m.graduationYear,
        exams: exams(m.step),
        ecfmgCertified: "no",
        trainingStatus: "never-started",
        specialties: [m.specialty],
        primaryCareUnderserved: true,
        consentStatistics: m.consent ?? true,
        decision: "eligible",
        status: m.status ?? "approved",
        reviewedAt: new Date("2026-06-15T12:00:00Z"),
        createdAt: new Date("2026-05-10T12:00:00Z"),
      });
      const [person] = await db
        .insert(people)
        .values({ publicId: `person-ev-${i}`, email, name: `Member ${i}` })
        .returning({ id: people.id });
      if (m.state === "CA" && m.status === undefined) {
        const c = k; // 0..19
        await db.insert(matchCycles).values({
          publicId: `cycle-ev-${i}`,
          personId: person.id,
          year: 2025,
          programmesApplied: 80,
          interviews: 2,
          rankListSubmitted: c % 4 !== 0,
          outcome: c < 5 ? "matched" : "unmatched",
          amountSpent: (c + 1) * 1000,
        });
      }
      if (m.district === "NY-22" && m.consent === undefined) {
        await db
          .insert(matchCycles)
          .values({ publicId: `cycle-ev-${i}`, personId: person.id, year: 2024, programmesApplied: 60, interviews: 0, rankListSubmitted: false, outcome: "withdrew", amountSpent: null });
      }
    }
  }
}
