// The generated posts of the publishing bench: realistic sentences about residency, the match and
// the states, from a fixed seed, inserted in batches like a bulk import (and the spelling corpus
// rebuilt after).
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "~/db/client.server";
import { postTags, posts } from "~/db/schema/index";
import { rebuildCorpusWords } from "~/domains/publishing/corpus.server";
import { seedStarterPosts } from "~/domains/publishing/seed-starter-posts.server";

const topics = [
  "residency",
  "match",
  "licensing",
  "collaborative practice",
  "shortage",
  "primary care",
  "mentorship",
  "ERAS fees",
  "USMLE",
  "rural clinics",
  "graduate medical education",
  "Medicare funding",
  "state legislators",
  "Congress",
  "underserved communities",
];
const verbs = ["explains", "changes", "funds", "delays", "expands", "questions", "supports", "limits", "opens", "reviews"];
const nouns = ["applicants", "graduates", "programmes", "hospitals", "patients", "physicians", "members", "senators", "counties", "families"];
const adjectives = ["unmatched", "qualified", "rural", "federal", "annual", "independent", "supervised", "costly", "new", "experienced"];

function* random(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield x / 2_147_483_648;
  }
}
let rand = random(42);
const pick = <T>(xs: T[]) => xs[Math.floor(rand.next().value! * xs.length)]!;
const sentence = () => `The ${pick(adjectives)} ${pick(nouns)} ${pick(verbs)} ${pick(topics)} for ${pick(adjectives)} ${pick(nouns)} in ${pick(topics)}.`;
const paragraph = () => Array.from({ length: 4 + Math.floor(rand.next().value! * 4) }, sentence).join(" ");

export async function fillPosts(handle: DatabaseHandle, postCount: number) {
  rand = random(42);
  await seedStarterPosts(handle.db);
  const start = Date.UTC(2015, 0, 1);
  const batch = 500;
  for (let i = 0; i < postCount; i += batch) {
    const rows = Array.from({ length: Math.min(batch, postCount - i) }, (_, j) => {
      const n = i + j;
      const body = Array.from({ length: 6 }, (_, k) => (k % 3 === 2 ? `## ${pick(topics)} and ${pick(nouns)}\n\n${paragraph()}` : paragraph())).join("\n\n");
      return {
        publicId: `bench${String(n).padStart(7, "0")}`,
        kind: "post" as const,
        slug: `bench-post-${n}`,
        title: `${pick(adjectives)} ${pick(nouns)} and ${pick(topics)}, part ${n}`,
        excerpt: sentence(),
        bodyMarkdown: body,
        bodyHtml: body
          .split("\n\n")
          .map((p) => (p.startsWith("## ") ? `<h2>${p.slice(3)}</h2>` : `<p>${p}</p>`))
          .join("\n"),
        status: "published" as const,
        publishAt: new Date(start + n * 3_600_000),
        categoryId: (n % 3) + 1,
      };
    });
    const inserted = await handle.db.insert(posts).values(rows).returning({ id: posts.id });
    await handle.db
      .insert(postTags)
      .values(inserted.map((r, k) => ({ postId: r.id, tagId: ((i + k) % 7) + 1 })))
      .onConflictDoNothing();
  }
  await rebuildCorpusWords(handle.db);
  // Planner statistics, as after a bulk import. Not a VACUUM: the GIN indexes keep the new
  // entries in their pending lists, as they are right after a load (the bench vacuums later).
  await handle.db.execute(sql`analyze`);
}
