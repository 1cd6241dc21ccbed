import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~/db/client.server";
import { auditLog, postRevisions, posts } from "~/db/schema/index";
import { ensurePersonWithRole, findPersonByEmail } from "~/domains/accounts/people.server";
import type { Actor } from "~/platform/audit.server";
import { testEngines } from "~/tests/helpers/test-db";
import { manageTaxonomy } from "./manage-taxonomy.server";
import { postInputSchema } from "./publishing.schema";
import { publishDuePosts } from "./publish-due-posts.server";
import { adjacentPosts, findPublicPost, listPublishedPosts, listRevisions, listTaxonomy, publicAddresses, relatedPosts, sitemapPostFiles, sitemapPosts } from "./queries.server";
import type { PublicPost } from "./queries.server";
import { restoreRevision } from "./restore-revision.server";
import { maxRevisionsPerPost } from "./rules";
import { savePost } from "./save-post.server";
import { searchSite } from "./search.server";
import { seedStarterPosts } from "./seed-starter-posts.server";

const now = new Date("2026-03-01T12:00:00Z");
const input = (values: Record<string, string>) => postInputSchema.parse(values);

describe.each(testEngines())("publishing on $name", (engine) => {
  let handle: DatabaseHandle;
  let actor: Actor;
  const save = (values: Record<string, string>, publicId?: string, at = now) => savePost({ db: handle.db, actor, kind: "post", publicId, input: input(values), now: at, timeZone: "America/New_York" });
  beforeAll(async () => {
    handle = await engine.open();
    await ensurePersonWithRole(handle.db, "editor@example.org", "staff", null);
    const person = await findPersonByEmail(handle.db, "editor@example.org");
    actor = { personId: person!.id, email: "editor@example.org", ip: null };
    expect((await seedStarterPosts(handle.db, now)).seeded).toBe(6);
  });
  afterAll(async () => handle?.close());

  it("seeds the starter posts once, with their tags and categories, and never again", async () => {
    expect((await seedStarterPosts(handle.db, now)).seeded).toBe(0);
    const listing = await listPublishedPosts(handle.db, {}, 1);
    expect(listing.total).toBe(6);
    expect(listing.posts[0]!.slug).toBe("match-season-checklist");
    expect(listing.posts[0]!.category?.name).toBe("Advice");
    const tags = await listTaxonomy(handle.db, "tag");
    expect(tags.find((t) => t.slug === "match-season")?.posts).toBe(3);
  });

  it("links previous and next posts in time, and finds related posts by shared tags first", async () => {
    const post = (await findPublicPost(handle.db, "post", "the-cost-of-applying-to-residency")) as PublicPost;
    const { previous, next } = await adjacentPosts(handle.db, post);
    expect(previous?.slug).toBe("collaborative-practice-in-the-states");
    expect(next?.slug).toBe("how-to-find-a-mentor");
    const related = await relatedPosts(handle.db, post);
    expect(related.map((p) => p.slug)).toEqual(["match-season-checklist", "how-to-find-a-mentor", "what-it-means-to-be-unmatched"]);
  });

  it("ranks a title hit above a body hit, with highlighted snippets", async () => {
    const result = await searchSite(handle.db, { q: "mentor", page: 1 });
    expect(result.total).toBeGreaterThanOrEqual(2);
    expect(result.hits[0]!.path).toBe("/news/how-to-find-a-mentor");
    expect(result.hits.some((h) => h.snippet.some((p) => p.hit && /mentor/i.test(p.text)))).toBe(true);
  });

  it("finds a post from a misspelled word and offers the correction", async () => {
    const result = await searchSite(handle.db, { q: "colaborative", page: 1 });
    expect(result.suggestion).toBe("collaborative");
    expect(result.searchedFor).toBe("collaborative");
    expect(result.hits[0]!.path).toBe("/news/collaborative-practice-in-the-states");
    const other = await searchSite(handle.db, { q: "residncy positions", page: 1 });
    expect(other.suggestion).toBe("residency positions");
    expect(other.total).toBeGreaterThan(0);
  });

  it("splits the posts into sitemap files, oldest first, each post once; the other addresses list tags with published posts", async () => {
    const files = await sitemapPostFiles(handle.db, 4);
    const listed = [];
    for (let file = 1; file <= files; file++) listed.push(...(await sitemapPosts(handle.db, file, 4)).map((e) => e.path));
    const published = await listPublishedPosts(handle.db, {}, 1, 100);
    expect(files).toBe(Math.ceil(published.total / 4));
    expect(listed).toEqual(published.posts.map((p) => `/news/${p.slug}`).reverse());
    expect(await sitemapPosts(handle.db, files + 1, 4)).toEqual([]);
    const others = (await publicAddresses(handle.db)).map((a) => a.path);
    expect(others).toContain("/news/tag/match-season");
    expect(others.some((p) => p.startsWith("/news/") && !/^\/news\/(tag|category|author)\//.test(p))).toBe(false);
  });

  it("pages through results without repeats or gaps: title and summary hits first, then body hits newest first", async () => {
    const documents = [{ kind: "campaign" as const, path: "/act/x", title: "Residency slots for every graduate", summary: "Ask Congress for residency positions." }];
    const all = await searchSite(handle.db, { q: "residency", page: 1, perPage: 50, documents });
    expect(all.total).toBe(all.hits.length);
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(all.hits.length / 2); page++) paged.push(...(await searchSite(handle.db, { q: "residency", page, perPage: 2, documents })).hits.map((h) => h.path));
    expect(paged).toEqual(all.hits.map((h) => h.path));
    const bodyOnly = all.hits.filter((h) => h.rank < 1);
    expect(bodyOnly.length).toBeGreaterThan(0);
    expect(all.hits.slice(-bodyOnly.length)).toEqual(bodyOnly);
    const times = bodyOnly.map((h) => h.publishAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("searches campaigns handed in by their context", async () => {
    const result = await searchSite(handle.db, { q: "shortage act", page: 1, documents: [{ kind: "campaign", path: "/act/x", title: "Pass the Shortage Reduction Act", summary: "Ask Congress." }] });
    expect(result.hits.map((h) => h.path)).toContain("/act/x");
  });

  it("never shows drafts or scheduled posts to readers, and the sweep publishes them once their time comes, idempotently", async () => {
    const draft = await save({ title: "A private draft about zebrafish", body: "zebrafish text", intent: "draft" });
    const scheduled = await save({ title: "Scheduled news about okapis", body: "okapi text", intent: "publish", publishAt: "2026-03-02 09:00" });
    expect(scheduled.status).toBe("scheduled");
    expect(scheduled.publishAt?.toISOString()).toBe("2026-03-02T14:00:00.000Z");
    expect(await findPublicPost(handle.db, "post", draft.slug)).toBeNull();
    expect(await findPublicPost(handle.db, "post", scheduled.slug)).toBeNull();
    expect((await searchSite(handle.db, { q: "zebrafish", page: 1 })).total).toBe(0);
    expect((await searchSite(handle.db, { q: "okapis", page: 1 })).total).toBe(0);
    expect((await publishDuePosts(handle.db, new Date("2026-03-02T13:59:00Z"))).published).toEqual([]);
    expect((await publishDuePosts(handle.db, new Date("2026-03-02T14:00:00Z"))).published).toEqual([scheduled.slug]);
    expect((await publishDuePosts(handle.db, new Date("2026-03-02T14:01:00Z"))).published).toEqual([]);
    expect(await findPublicPost(handle.db, "post", scheduled.slug)).not.toBeNull();
    expect((await searchSite(handle.db, { q: "okapis", page: 1 })).total).toBe(1);
    const [audits] = await handle.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "post.publish-scheduled"));
    expect(audits!.n).toBe(1);
  });

  it("keeps the old address of a renamed post as a 301 target, and refuses a slug another post has", async () => {
    const saved = await save({ title: "Old title", slug: "old-address", body: "text", intent: "publish" });
    await save({ title: "New title", slug: "new-address", body: "text", intent: "publish" }, saved.publicId);
    expect(await findPublicPost(handle.db, "post", "old-address")).toEqual({ movedTo: "new-address" });
    await expect(save({ title: "Another", slug: "new-address", body: "x" })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { slug: expect.any(String) } });
    // Back to the first address: it is the post's own again, and the second one now moves.
    await save({ title: "Old title", slug: "old-address", body: "text", intent: "publish" }, saved.publicId);
    expect(await findPublicPost(handle.db, "post", "new-address")).toEqual({ movedTo: "old-address" });
    expect(await findPublicPost(handle.db, "post", "old-address")).toMatchObject({ title: "Old title" });
  });

  it("keeps the last 50 revisions and restores one as a new revision", async () => {
    const first = await save({ title: "Revised", body: "version 0" });
    for (let i = 1; i <= maxRevisionsPerPost + 4; i++) await save({ title: "Revised", body: `version ${i}` }, first.publicId);
    const [post] = await handle.db.select().from(posts).where(eq(posts.publicId, first.publicId));
    const revisions = await listRevisions(handle.db, post!.id);
    expect(revisions).toHaveLength(maxRevisionsPerPost);
    const oldest = revisions[revisions.length - 1]!;
    const [oldestText] = await handle.db.select().from(postRevisions).where(eq(postRevisions.id, oldest.id));
    expect(oldestText!.bodyMarkdown).toBe("version 5");
    await restoreRevision({ db: handle.db, actor, publicId: first.publicId, revisionId: oldest.id, now });
    const [restored] = await handle.db.select().from(posts).where(eq(posts.id, post!.id));
    expect(restored!.bodyMarkdown).toBe("version 5");
    expect(restored!.bodyHtml).toContain("version 5");
    const after = await listRevisions(handle.db, post!.id);
    expect(after).toHaveLength(maxRevisionsPerPost);
    expect(after[0]!.savedByEmail).toBe("editor@example.org");
  });

  it("merges one tag into another and deletes a category, with the count of posts affected", async () => {
    const merged = await manageTaxonomy({ db: handle.db, actor, input: { intent: "merge", kind: "tag", slug: "eras", name: "", into: "match-season" } });
    expect(merged.postsAffected).toBe(2);
    const tags = await listTaxonomy(handle.db, "tag");
    expect(tags.find((t) => t.slug === "eras")).toBeUndefined();
    expect(tags.find((t) => t.slug === "match-season")?.posts).toBe(3);
    const deleted = await manageTaxonomy({ db: handle.db, actor, input: { intent: "delete", kind: "category", slug: "stories", name: "", into: "" } });
    expect(deleted.postsAffected).toBe(1);
    expect(((await findPublicPost(handle.db, "post", "what-it-means-to-be-unmatched")) as PublicPost).category).toBeNull();
  });
});
