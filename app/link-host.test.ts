import { describe, expect, it } from "vitest";
import { isHostLike, linkHostMessage, otherHostThanAppUrl } from "./link-host";

describe("links for another name of the site", () => {
  it.each([
    ["http://127.0.0.1:3000/sign-in", "http://localhost:3000", "127.0.0.1:3000"],
    ["http://localhost:3000/sign-in", "http://localhost:3000", null],
    ["http://localhost:3001/sign-in", "http://localhost:3000", "localhost:3001"],
    ["https://amg.example.org/sign-in", "https://amg.example.org/", null],
  ])("a request to %s with APP_URL %s was made on %s", (requestUrl, appUrl, expected) => {
    expect(otherHostThanAppUrl(requestUrl, appUrl)).toBe(expected);
  });

  it("shows back only what looks like a host", () => {
    expect(isHostLike("127.0.0.1:3000")).toBe(true);
    expect(isHostLike("[::1]:3000")).toBe(true);
    expect(isHostLike("evil.example/<script>")).toBe(false);
    expect(isHostLike(null)).toBe(false);
  });

  it("says what happened in plain words", () => {
    expect(linkHostMessage("127.0.0.1:3000", "localhost:3000")).toMatch(/^You asked to sign in on 127\.0\.0\.1:3000, but this link is for localhost:3000/);
  });
});
