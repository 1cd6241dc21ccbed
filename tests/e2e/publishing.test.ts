// Publishing in Debian's Chromium: reading posts and listings, a misspelled search, staff writing
// and scheduling (the sweep publishes, also after a restart), a slug change answered with a 301, an
// image upload, a revision restored, Markdown that tries XSS rendered inert, a byline and a page,
// and axe + 390 px on the new reading and console pages.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, it } from "vitest";
import { fillFromTemplate, startAppServer } from "~/tests/helpers/app-server";
import type { AppServer } from "~/tests/helpers/app-server";
import { seriousViolations } from "~/tests/helpers/axe";
import { expect, launchChromium } from "~/tests/helpers/browser";
import { signInOverHttp } from "~/tests/helpers/http-session";
import { startSmtpSink } from "~/tests/helpers/smtp-sink";
import type { SmtpSink } from "~/tests/helpers/smtp-sink";

/** A time `minutes` from now rounded up to a minute, and how it is typed in New York (the organisation's time zone). */
/** The next minute boundary at least 5 s from now, and how staff type it (New York time, to the minute). */
function nextMinute(): { at: Date; typed: string } {
  const at = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { at, typed: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}` };
}

describe("publishing in a browser", () => {
  let app: AppServer;
  let sink: SmtpSink;
  let browser: Browser;
  let staff: BrowserContext;
  const dataDir = mkdtempSync(path.join(tmpdir(), "amg-e2e-publishing-"));
  const env = () => ({ SMTP_URL: sink.url, ADMIN_EMAIL: "admin@example.org" });

  const staffContext = async () => {
    const cookie = await signInOverHttp(app, sink, "admin@example.org");
    const [name, value] = cookie.split("=");
    const context = await browser.newContext({ bypassCSP: true });
    await context.addCookies([{ name: name!, value: value!, url: app.url }]);
    return context;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    await fillFromTemplate(dataDir);
    app = await startAppServer(env(), { dataDir });
    browser = await launchChromium();
    staff = await staffContext();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.close();
  });

  const reader = async (options: { javaScriptEnabled?: boolean; width?: number } = {}) => {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: options.javaScriptEnabled ?? false, viewport: { width: options.width ?? 1280, height: 844 } });
    return context.newPage();
  };
  const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  /** Writes a post in the console and submits it with the button named; returns its edit page. */
  async function writePost(values: { title: string; body: string; tags?: string; category?: string; publishAt?: string; slug?: string; kind?: "page" }, button = "Publish or schedule"): Promise<Page> {
    const page = await staff.newPage();
    await page.goto(`${app.url}/admin/posts/new${values.kind === "page" ? "?kind=page" : ""}`);
    await page.locator("#field-title").fill(values.title);
    if (values.slug) await page.locator("#field-slug").fill(values.slug);
    await page.getByLabel("Text (Markdown)").fill(values.body);
    if (values.category) await page.getByLabel("Category").fill(values.category);
    if (values.tags) await page.getByLabel("Tags").fill(values.tags);
    if (values.publishAt) await page.getByLabel(/Publication time/).fill(values.publishAt);
    await page.getByRole("button", { name: button }).click();
    await page.waitForURL(/\/admin\/posts\/[^/]+\?saved=/);
    return page;
  }

  it("reads a post with its byline, reading time, tags and category, and walks previous/next, tag and category listings without JavaScript", async () => {
    const page = await reader();
    await page.goto(`${app.url}/news`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("News");
    await expect(page.locator(".hint").first()).toContainText("6 posts");
    await page.getByRole("link", { name: "The cost of applying to residency" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The cost of applying to residency");
    await expect(page.locator(".post-meta").first()).toContainText("min read");
    await expect(page.locator(".byline")).toContainText("By Alliance of Medical Graduates");
    await expect(page.locator("#related-heading")).toHaveText("Related posts");
    await expect(page.locator(".share-links a").first()).toHaveAttribute("href", /^mailto:/);
    await page.getByRole("link", { name: /^Next: How to find a mentor/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How to find a mentor");
    await page.getByRole("link", { name: /^← Previous:/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The cost of applying to residency");
    await page.getByRole("list", { name: "Tags" }).getByRole("link", { name: "Match season" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts tagged “Match season”");
    await expect(page.locator(".hint").first()).toContainText("3 posts");
    await page.locator(".post-meta a", { hasText: "Advice" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Advice");
    await expect(page.locator(".hint").first()).toContainText("3 posts");
    await expect(page.locator(".post-card")).toHaveCount(3);
    await page.goto(app.url);
    await expect(page.locator(".latest-posts .post-card")).toHaveCount(3);
    await page.context().close();
  });

  it("finds a post from a misspelled search in the header box, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [false, true]) {
      const page = await reader({ javaScriptEnabled });
      await page.goto(`${app.url}/about`);
      await page.getByRole("searchbox", { name: "Search the site" }).fill("colaborative practice");
      await page.getByRole("searchbox", { name: "Search the site" }).press("Enter");
      await page.waitForURL(/\/search\?q=/);
      await expect(page.locator(".notice")).toContainText("Showing results for collaborative practice");
      await expect(page.locator(".search-results li").first()).toContainText("Collaborative practice: how states are opening a door");
      await expect(page.locator(".search-results mark").first()).toBeVisible();
      await page.context().close();
    }
  });

  it("lets staff upload an image, which is shown with its resized variants on the post that uses it", async () => {
    const page = await staff.newPage();
    await page.goto(`${app.url}/admin/images`);
    const png = await sharp({ create: { width: 1800, height: 900, channels: 3, background: "#2a6f97" } })
      .png()
      .toBuffer();
    await page.getByLabel(/^Image/).setInputFiles({ name: "clinic.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("status")).toContainText("Uploaded");
    await expect(page.locator(".variant-list li")).toHaveText([/480 px/, /960 px/, /1600 px/]);
    const edit = await writePost({ title: "A clinic in the Bronx", body: "A doctor ready to serve." }, "Save draft");
    await edit.getByLabel("Feature image (optional)").selectOption({ label: "clinic.png (1800×900)" });
    await edit.getByLabel("Feature image description").fill("A clinic's waiting room in the Bronx");
    await edit.getByRole("button", { name: "Publish or schedule" }).click();
    await expect(edit.getByRole("status")).toContainText("Published");
    const visitor = await reader();
    await visitor.goto(`${app.url}/news/a-clinic-in-the-bronx`);
    const img = visitor.locator(".feature-image img");
    await expect(img).toHaveAttribute("alt", "A clinic's waiting room in the Bronx");
    await expect(img).toHaveAttribute("srcset", /-480\.jpg 480w, .*-960\.jpg 960w, .*-1600\.jpg 1600w/);
    await expect(visitor.locator(".feature-image source[type='image/webp']")).toHaveAttribute("srcset", /\.webp 480w/);
    await visitor.context().close();
  });

  it("changes a post's address and the old one redirects; restores a revision after comparing it", async () => {
    const edit = await writePost({ title: "Residency interviews", slug: "interviews-first", body: "The first version of the advice." });
    await edit.locator("#field-slug").fill("residency-interviews");
    await edit.getByLabel("Text (Markdown)").fill("The second version of the advice.");
    await edit.getByRole("button", { name: "Update" }).click();
    await expect(edit.getByRole("status")).toContainText("Published");
    const visitor = await reader();
    const moved = await visitor.goto(`${app.url}/news/interviews-first`);
    expect(visitor.url()).toBe(`${app.url}/news/residency-interviews`);
    expect((await moved?.request().redirectedFrom()?.response())?.status()).toBe(301);
    await expect(visitor.locator(".post-body")).toContainText("The second version");
    await edit.getByRole("link", { name: "Revisions" }).click();
    await expect(edit.locator("tbody tr")).toHaveCount(2);
    await edit
      .getByRole("link", { name: /^Compare/ })
      .last()
      .click();
    await expect(edit.locator(".diff del")).toContainText("The first version");
    await expect(edit.locator(".diff ins")).toContainText("The second version");
    await edit.getByRole("button", { name: "Restore this revision" }).click();
    await expect(edit.getByRole("status")).toContainText("Restored");
    await visitor.goto(`${app.url}/news/residency-interviews`);
    await expect(visitor.locator(".post-body")).toContainText("The first version");
    await visitor.context().close();
  });

  it("renders Markdown that tries XSS inert, and previews it live beside the editor with JavaScript", async () => {
    const attack = [
      "Safe text.",
      "<script>window.__xss = 'script'</script>",
      '<img src="/favicon.ico" onerror="window.__xss = \'onerror\'" onload="window.__xss = \'onload\'">',
      "[click me](javascript:window.__xss='link')",
      "[data link](data:text/html,<script>alert(1)</script>)",
      '<iframe src="https://example.org"></iframe>',
      "<style>body { display: none }</style>",
    ].join("\n\n");
    const edit = await writePost({ title: "Hostile markdown", body: "Draft." }, "Save draft");
    await edit.getByLabel("Text (Markdown)").fill(attack);
    await expect(edit.locator(".preview-pane")).toContainText("Safe text.", { timeout: 15_000 });
    await edit.getByRole("button", { name: "Publish or schedule" }).click();
    await expect(edit.getByRole("status")).toContainText("Published");
    const page = await reader({ javaScriptEnabled: true });
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${app.url}/news/hostile-markdown`);
    await expect(page.locator(".post-body")).toContainText("Safe text.");
    await expect(page.locator("body")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await page.locator(".post-body script, .post-body iframe, .post-body style, .post-body [onerror], .post-body [onload]").count()).toBe(0);
    const hrefs = await page.locator(".post-body a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((h) => /^(javascript|data):/i.test(h))).toEqual([]);
    await page.getByText("click me").click();
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it("passes axe and fits a 390 px phone on the reading pages", async () => {
    const pages = ["/news", "/news/match-season-checklist", "/news/tag/match-season", "/news/category/advice", "/search?q=mentor", "/search?q=zzzzqqq"];
    for (const p of pages) {
      const page = await reader({ width: 390, javaScriptEnabled: true });
      await page.goto(`${app.url}${p}`);
      expect(await seriousViolations(page, p)).toEqual([]);
      await fitsPhone(page);
      await page.context().close();
    }
  }, 240_000);

  it("shows a staff byline on the author's page and a published page, which pass axe at 390 px like every console page of publishing", async () => {
    const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    await phone.addCookies(await staff.cookies());
    const console390 = await phone.newPage();
    await console390.goto(`${app.url}/admin`);
    // On a phone the console's navigation folds into a menu.
    await console390.getByText("Console menu").click();
    await console390.getByRole("link", { name: "Posts and pages" }).last().click();
    await expect(console390.getByRole("heading", { level: 1 })).toHaveText("Posts");
    await console390.goto(`${app.url}/admin/authors`);
    await console390.getByRole("link", { name: "admin@example.org" }).click();
    const authorEditPath = new URL(console390.url()).pathname;
    await console390.getByLabel("Name readers see").fill("Dana Whitfield");
    await console390.getByLabel("Short bio").fill("Dana writes the legislative updates.");
    await console390.getByRole("button", { name: "Save byline" }).click();
    await expect(console390.getByRole("status")).toContainText("Saved");
    const authorPath = (await console390.getByRole("link", { name: "public page" }).getAttribute("href"))!;
    const written = await writePost({ title: "Press and media", body: "Write to us for interviews.", kind: "page" });
    await expect(written.getByRole("status")).toContainText("Published");
    const editPath = new URL(written.url()).pathname;
    await written.close();

    const readerPages: [string, string][] = [
      [authorPath, "Posts by Dana Whitfield"],
      ["/pages/press-and-media", "Press and media"],
    ];
    for (const [p, heading] of readerPages) {
      const page = await reader({ width: 390, javaScriptEnabled: true });
      await page.goto(`${app.url}${p}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      if (p === authorPath) {
        await expect(page.locator(".author-box")).toContainText("Dana writes the legislative updates.");
        await expect(page.getByRole("link", { name: "Residency interviews" })).toBeVisible();
      }
      expect(await seriousViolations(page, p)).toEqual([]);
      await fitsPhone(page);
      await page.context().close();
    }
    const consolePages = ["/admin/posts", "/admin/posts?kind=page", "/admin/posts/new", editPath, `${editPath}/revisions`, "/admin/taxonomy", "/admin/images", "/admin/authors", authorEditPath];
    for (const p of consolePages) {
      await console390.goto(`${app.url}${p}`);
      expect(await seriousViolations(console390, p)).toEqual([]);
      await fitsPhone(console390);
    }
    await phone.close();
  }, 120_000);

  it("publishes a post whose time came while the server was down at the next start, and a scheduled post by the minute sweep", async () => {
    // Staff schedule to the minute: each post is due at the next minute boundary (at least 5 s away).
    const down = nextMinute();
    const first = await writePost({ title: "Scheduled while down", body: "Published at the next start.", publishAt: down.typed });
    await expect(first.getByRole("status")).toContainText("Scheduled");
    await staff.close();
    await app.stop();
    // Down until after the publication time; the start's own sweep publishes it before the first request.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, down.at.getTime() - Date.now()) + 1_000));
    app = await startAppServer(env(), { dataDir });
    expect((await fetch(`${app.url}/news/scheduled-while-down`)).status).toBe(200);
    staff = await staffContext();
    const running = nextMinute();
    const second = await writePost({ title: "Scheduled while running", body: "Published by the sweep.", publishAt: running.typed });
    await expect(second.getByRole("status")).toContainText("Scheduled");
    const visitor = await reader();
    expect((await visitor.goto(`${app.url}/news/scheduled-while-running`))?.status()).toBe(404);
    // The sweep runs at every minute's start: due at that minute, published within seconds of it.
    await expect.poll(async () => (await fetch(`${app.url}/news/scheduled-while-running`)).status, { timeout: 120_000, intervals: [2_000] }).toBe(200);
    await visitor.context().close();
  }, 300_000);
});
