import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/platform/markdown.server";
import { corpusWords, decidePublication, excerptFrom, pageNumberOf, paginate, rankRelated, readingMinutes, slugify, slugProblem } from "./rules";

describe("slugs", () => {
  it.each([
    ["What it means to be unmatched", "what-it-means-to-be-unmatched"],
    ["  Café & résumé: tips!  ", "cafe-and-resume-tips"],
    ["H.R. 4731 / S. 2439", "h-r-4731-s-2439"],
    ["!!!", ""],
  ])("makes %j into %j", (title, slug) => expect(slugify(title)).toBe(slug));

  it.each([
    ["match-season", null],
    ["", "empty"],
    ["Match-Season", "format"],
    ["double--hyphen", "format"],
    ["-leading", "format"],
    ["tag", "reserved"],
    ["feed", "reserved"],
    ["a".repeat(81), "too-long"],
  ])("judges %j as %j", (slug, problem) => expect(slugProblem(slug)).toBe(problem));
});

describe("reading time", () => {
  it("counts one minute for a short text and about one minute per 230 words", () => {
    expect(readingMinutes("Hello")).toBe(1);
    expect(
      readingMinutes(
        Array(230 * 5)
          .fill("word")
          .join(" "),
      ),
    ).toBe(5);
  });
  it("does not count link targets, images or code as words", () => {
    const words = Array(460).fill("word").join(" ");
    expect(readingMinutes(`${words} [a link](https://example.org/a/very/long/path) ![image](x.png)\n\`\`\`\n${Array(2000).fill("code").join(" ")}\n\`\`\``)).toBe(2);
  });
});

describe("related posts", () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  const post = { id: 1, tagIds: [10, 11], categoryId: 5 };
  it("orders by shared tags, then the same category, then the newest, and leaves out the post itself", () => {
    const candidates = [
      { id: 1, tagIds: [10, 11], categoryId: 5, publishAt: day(9) },
      { id: 2, tagIds: [], categoryId: null, publishAt: day(30) },
      { id: 3, tagIds: [10], categoryId: null, publishAt: day(2) },
      { id: 4, tagIds: [10, 11], categoryId: null, publishAt: day(1) },
      { id: 5, tagIds: [10], categoryId: 5, publishAt: day(1) },
      { id: 6, tagIds: [], categoryId: 5, publishAt: day(20) },
    ];
    expect(rankRelated(post, candidates, 5)).toEqual([4, 5, 3, 6, 2]);
    expect(rankRelated(post, candidates)).toEqual([4, 5, 3]);
  });
  it("falls back to the newest posts when nothing is shared", () => {
    expect(
      rankRelated(post, [
        { id: 7, tagIds: [], categoryId: null, publishAt: day(1) },
        { id: 8, tagIds: [], categoryId: null, publishAt: day(3) },
      ]),
    ).toEqual([8, 7]);
  });
});

describe("publication", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it.each([
    ["a draft stays a draft", "draft", null, null, { status: "draft", publishAt: null }],
    ["publishing now", "publish", null, null, { status: "published", publishAt: now }],
    ["a time to come schedules", "publish", new Date("2026-03-02T09:00:00Z"), null, { status: "scheduled", publishAt: new Date("2026-03-02T09:00:00Z") }],
    ["a past time publishes with that date", "publish", new Date("2026-02-01T09:00:00Z"), null, { status: "published", publishAt: new Date("2026-02-01T09:00:00Z") }],
    [
      "an edit keeps the first publication date",
      "publish",
      null,
      { status: "published", publishAt: new Date("2026-01-01T00:00:00Z") },
      { status: "published", publishAt: new Date("2026-01-01T00:00:00Z") },
    ],
    ["unpublishing makes a draft", "unpublish", null, { status: "published", publishAt: new Date("2026-01-01T00:00:00Z") }, { status: "draft", publishAt: new Date("2026-01-01T00:00:00Z") }],
  ] as const)("%s", (_name, intent, at, current, expected) => {
    expect(decidePublication(intent, at, current as never, now)).toEqual(expected);
  });
});

describe("listings and words", () => {
  it("reads ?page= as a positive whole number", () => {
    expect([pageNumberOf(null), pageNumberOf("3"), pageNumberOf("0"), pageNumberOf("-1"), pageNumberOf("2.5"), pageNumberOf("x")]).toEqual([1, 3, 1, 1, 1, 1]);
    expect(paginate(21, 3)).toEqual({ page: 3, pageCount: 3, total: 21, hasPrevious: true, hasNext: false });
    expect(paginate(0, 1).pageCount).toBe(1);
  });
  it("makes an excerpt from the first paragraph, without Markdown", () => {
    expect(excerptFrom("# Title\n\nA **bold** [link](https://x.org) here.\n\nSecond.")).toBe("A bold link here.");
    expect(excerptFrom(`${"word ".repeat(100)}`, 50).length).toBeLessThanOrEqual(51);
  });
  it("keeps the words worth suggesting", () => {
    expect(corpusWords("The Collaborative practice, in 2026: residency!").sort()).toEqual(["collaborative", "practice", "residency"]);
  });
});

describe("Markdown is rendered inert", () => {
  it.each([
    ["a script element", "Hello <script>alert(1)</script>", /<script|alert\(1\)/i],
    ["a javascript: link", "[click](javascript:alert(1))", /javascript:/i],
    ["a javascript: link in HTML", '<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ["a data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", /data:/i],
    ["a data: image", "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)", /data:/i],
    ["an event handler", '<img src="x.png" onerror="alert(1)"><p onclick="alert(1)">x</p>', /onerror|onclick/i],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ["a style element", "<style>body{display:none}</style>text", /<style|display:none/i],
    ["a style attribute", '<p style="position:fixed">x</p>', /style=/i],
    ["an svg with script", "<svg><script>alert(1)</script></svg>", /<svg|<script/i],
    ["a form", '<form action="https://evil.example"><input name="p"></form>', /<form|<input/i],
  ])("strips %s", (_name, markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toMatch(forbidden);
  });
  it("keeps ordinary Markdown", () => {
    const html = renderMarkdown("## Heading\n\nSome *text* with [a link](https://example.org) and ![a photo](/media/abc.jpg).");
    expect(html).toContain("<h2>Heading</h2>");
    expect(html).toContain('<a href="https://example.org">a link</a>');
    expect(html).toContain('<img src="/media/abc.jpg" alt="a photo" />');
  });
});
