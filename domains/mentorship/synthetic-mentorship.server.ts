// Synthetic mentors and waiting mentees in the database (seed:mentorship), from the generator of
// synthetic.ts; refuses a database that holds real members or mentors.
import { mentors, menteeRequests } from "~/db/schema/index";
import { createSyntheticPeople, hasRealPeople } from "~/domains/accounts/synthetic-people.server";
import type { Database } from "~/db/client.server";
import { AppError } from "~/platform/errors";
import { newPublicId } from "~/platform/tokens";
import { syntheticMentees, syntheticMentors } from "./synthetic";

export async function seedSyntheticMentorship(db: Database, p: { mentees: number; mentors: number; now: Date; seed?: number }): Promise<void> {
  if (await hasRealPeople(db)) throw new AppError("CONFLICT", "This database holds real members or mentors: synthetic mentorship data is only for an empty or synthetic database.");
  const seed = p.seed ?? 15;
  const stamp = p.now.getTime().toString(36);
  const ms = syntheticMentors(p.mentors, seed);
  const mentorIds = await createSyntheticPeople(
    db,
    ms.map((_, i) => ({ email: `mentor-${stamp}-${i + 1}@synthetic.example`, name: `Synthetic mentor ${i + 1}` })),
    "mentor",
  );
  const mentorRows = ms.map((m, i) => ({
    publicId: newPublicId(),
    personId: mentorIds.get(`mentor-${stamp}-${i + 1}@synthetic.example`)!,
    name: `Synthetic mentor ${i + 1}`,
    specialty: m.specialty,
    boardCertified: true,
    licenceStates: [...m.licenceStates],
    practiceSetting: m.practiceSetting,
    yearsInPractice: 5 + (i % 25),
    selectionCommittee: m.selectionCommittee,
    languages: [...m.languages],
    topics: [...m.topics],
    capacity: m.capacity,
    availability: [...m.availability],
    status: "approved" as const,
    approvedAt: p.now,
  }));
  for (let k = 0; k < mentorRows.length; k += 1000) await db.insert(mentors).values(mentorRows.slice(k, k + 1000));
  const es = syntheticMentees(p.mentees, seed + 1, p.now);
  const menteeIds = await createSyntheticPeople(
    db,
    es.map((_, i) => ({ email: `mentee-${stamp}-${i + 1}@synthetic.example`, name: `Synthetic member ${i + 1}` })),
    "member",
  );
  const requestRows = es.map((m, i) => ({
    publicId: newPublicId(),
    personId: menteeIds.get(`mentee-${stamp}-${i + 1}@synthetic.example`)!,
    name: `Synthetic member ${i + 1}`,
    goals: "Synthetic request for benchmarks and demos.",
    topics: [...m.topics],
    targetSpecialties: [...m.targetSpecialties],
    preferredStates: [...m.preferredStates],
    language: m.language,
    availability: [...m.availability],
    practiceSettings: [...m.practiceSettings],
    status: "waiting" as const,
    waitingSince: m.waitingSince,
  }));
  for (let k = 0; k < requestRows.length; k += 1000) await db.insert(menteeRequests).values(requestRows.slice(k, k + 1000));
}
