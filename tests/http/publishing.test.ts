// Publishing over HTTP: feeds read by a real feed parser, the sitemap and robots.txt, a slug change
// answering 301, drafts and scheduled posts kept from readers, and image uploads checked by their
// bytes and served with their variants.
import { Readable } from "node:stream";
import Parser from "rss-parser";
import sharp from "sharp";
import { parseSitemap, parseSitemapIndex } from "sitemap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { csrfTokenOf, post, signInOverHttp } from "~/tests/helpers/http-session";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

describe("publishing over HTTP", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let staff: string;
  let csrf: string;
  const parser = new Parser();
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });
    staff = await signInOverHttp(app, sink, "admin@example.org");
    csrf = await csrfTokenOf(app, "/admin/posts/new", staff);
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });
  const get = (path: string, cookie?: string) => fetch(`${app.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const write = (values: Record<string, string>, path = "/admin/posts/new") => post(app, path, { csrf, kind: "post", intent: "publish", ...values }, staff);
  const publicIdOf = (res: Response) => res.headers.get("location")!.split("/").pop()!.split("?")[0]!;

  it("serves RSS 2.0 and Atom feeds with full content that a feed parser reads, site-wide and per tag and category", async () => {
    const rss = await get("/news/rss.xml");
    expect(rss.headers.get("content-type")).toContain("application/rss+xml");
    const feed = await parser.parseString(await rss.text());
    expect(feed.items.length).toBe(6);
    expect(feed.items[0]!.link).toBe(`${app.url}/news/match-season-checklist`);
    expect(feed.items[0]!["content:encoded"] ?? feed.items[0]!.content).toContain("<h2>Before June</h2>");
    const atom = await parser.parseString(await (await get("/news/atom.xml")).text());
    expect(atom.items.map((i) => i.title)).toContain("How to find a mentor");
    const tagged = await parser.parseString(await (await get("/news/tag/match-season/rss.xml")).text());
    expect(tagged.items.map((i) => i.link?.replace(app.url, "")).sort()).toEqual(["/news/how-to-find-a-mentor", "/news/match-season-checklist", "/news/the-cost-of-applying-to-residency"]);
    const category = await parser.parseString(await (await get("/news/category/legislation/atom.xml")).text());
    expect(category.items).toHaveLength(2);
    expect((await get("/news/tag/no-such-tag/rss.xml")).status).toBe(404);
  });

  it("announces the feeds, a canonical address, Open Graph, Twitter and JSON-LD on every public page", async () => {
    for (const path of ["/", "/about", "/news", "/act", "/news/how-to-find-a-mentor"]) {
      const html = await (await get(path)).text();
      expect(html, path).toContain('<link rel="alternate" type="application/rss+xml"');
      expect(html, path).toContain(`<link rel="canonical" href="${app.url}${path === "/" ? "/" : path}"/>`);
      expect(html, path).toMatch(/<meta property="og:title" content="[^"]+"/);
      expect(html, path).toContain('<meta name="twitter:card"');
      expect(html, path).toContain('"@type":"Organization"');
    }
    expect(await (await get("/news/how-to-find-a-mentor")).text()).toContain('"@type":"Article"');
    const icon = await get("/favicon.ico");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/x-icon");
    expect(JSON.parse(await (await get("/manifest.webmanifest")).text())).toMatchObject({ name: "Alliance of Medical Graduates", icons: expect.any(Array) });
  });

  /** Every address the sitemap lists: sitemap.xml is an index, read with the library's parsers. */
  const sitemapLocs = async () => {
    const index = await parseSitemapIndex(Readable.from([await (await get("/sitemap.xml")).text()]));
    const files = index.map((f) => f.url.replace(app.url, ""));
    const lists = await Promise.all(files.map(async (file) => (await parseSitemap(Readable.from([await (await get(file)).text()]))).map((u) => u.url.replace(app.url, ""))));
    return { files, locs: lists.flat() };
  };

  it("lists every public page in the sitemap files sitemap.xml indexes, and points robots.txt at it", async () => {
    const index = await get("/sitemap.xml");
    expect(index.headers.get("content-type")).toContain("application/xml");
    const { files, locs } = await sitemapLocs();
    expect(files).toEqual(["/sitemap-pages.xml", "/sitemap-posts.xml"]);
    expect(locs).toEqual(expect.arrayContaining(["/", "/news", "/news/match-season-checklist", "/news/tag/match-season", "/news/category/advice", "/act/residency-shortage-act", "/act/state/NY"]));
    expect(locs.some((l) => l.startsWith("/letters/"))).toBe(true);
    expect(new Set(locs).size).toBe(locs.length);
    expect((await get("/sitemap-posts.xml?page=2")).status).toBe(404);
    expect((await get("/sitemap-posts.xml?page=x")).status).toBe(404);
    const robots = await (await get("/robots.txt")).text();
    expect(robots).toContain(`Sitemap: ${app.url}/sitemap.xml`);
    expect(robots).toContain("Disallow: /admin");
  });

  it("keeps drafts and scheduled posts from readers, search, feeds and the sitemap", async () => {
    const draft = await write({ title: "Secret draft about quokkas", body: "Quokkas everywhere.", intent: "draft" });
    expect(draft.status).toBe(302);
    const scheduled = await write({ title: "Future news about narwhals", body: "Narwhals.", publishAt: "2099-01-01T09:00" });
    expect(scheduled.headers.get("location")).toContain("saved=scheduled");
    for (const slug of ["secret-draft-about-quokkas", "future-news-about-narwhals"]) {
      expect((await get(`/news/${slug}`)).status).toBe(404);
      expect((await get(`/news/${slug}`, staff)).status).toBe(404);
    }
    expect(await (await get("/search?q=quokkas")).text()).toContain("No results.");
    expect(await (await get("/news/rss.xml")).text()).not.toContain("narwhals");
    expect((await sitemapLocs()).locs.filter((l) => /quokkas|narwhals/.test(l))).toEqual([]);
    const revisions = await get(`/admin/posts/${publicIdOf(draft)}/revisions`);
    expect(revisions.status).toBe(302);
  });

  it("answers the old address of a renamed post with a 301 to the new one", async () => {
    const created = await write({ title: "A post to rename", slug: "first-address", body: "Text." });
    expect((await get("/news/first-address")).status).toBe(200);
    const renamed = await write({ title: "A post to rename", slug: "second-address", body: "Text." }, `/admin/posts/${publicIdOf(created)}`);
    expect(renamed.status).toBe(302);
    const old = await get("/news/first-address");
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe("/news/second-address");
    expect((await get("/news/second-address")).status).toBe(200);
  });

  it("shows a preview without saving, and keeps what was typed when a field is wrong", async () => {
    const preview = await write({ title: "Preview me", body: "**bold** <script>alert(1)</script>", intent: "preview" });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toContain("<script>alert(1)");
    expect((await get("/news/preview-me")).status).toBe(404);
    const bad = await write({ title: "Bad slug", slug: "Not A Slug!", body: "x" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Use lower-case letters");
  });

  it("checks an upload's type from its bytes, refuses SVG, and serves resized JPEG and WebP variants with long caching and nosniff", async () => {
    const upload = async (bytes: BlobPart, name: string, type: string) => {
      const body = new FormData();
      body.set("csrf", csrf);
      body.set("file", new Blob([bytes], { type }), name);
      return fetch(`${app.url}/admin/images`, { method: "POST", body, redirect: "manual", headers: { cookie: staff, origin: app.url } });
    };
    const svg = await upload(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "photo.png", "image/png");
    expect(svg.status).toBe(400);
    expect(await svg.text()).toContain("SVG is refused");
    const text = await upload(new TextEncoder().encode("just text"), "photo.jpg", "image/jpeg");
    expect(text.status).toBe(400);
    const png = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#0b4f6c" } })
      .png()
      .toBuffer();
    const ok = await upload(new Uint8Array(png), "banner.txt", "text/plain");
    expect(ok.status).toBe(302);
    const library = await (await get("/admin/images", staff)).text();
    const files = [...library.matchAll(/href="\/media\/([^"]+)"/g)].map((m) => m[1]!);
    expect(files.filter((f) => f.endsWith(".jpg")).map((f) => f.match(/-(\d+)\.jpg$/)![1])).toEqual(["480", "960", "1600"]);
    expect(files.filter((f) => f.endsWith(".webp"))).toHaveLength(3);
    const served = await get(`/media/${files.find((f) => f.endsWith("-960.webp"))}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toContain("max-age=31536000");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(960);
    expect((await get("/media/..%2Fsecret-key")).status).toBe(404);
  });
});
