import { describe, expect, it } from "vitest";
import { legislatureWebsite } from "~/domains/advocacy/legislators/state-legislators.server";

describe("the legislature's own website", () => {
  it("is the site most members' pages are on, skipping missing and malformed links", () => {
    const rows = [
      { website: "https://www.akleg.gov/basis/Member/Detail/34?code=byn" },
      { website: "https://akhouse.org/rep-himschoot/" },
      { website: "https://www.akleg.gov/basis/Member/Detail/33" },
      { website: null },
      { website: "not a url" },
    ];
    expect(legislatureWebsite(rows)).toBe("https://www.akleg.gov");
    expect(legislatureWebsite([{ website: null }])).toBeNull();
  });
});
