// Where a sign-in may send the browser afterwards (`next`): only a path on this site, whatever a
// browser would make of the value (security audit, issue 9: `/%09/evil.example` became `//evil.example`).
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./session.server";

/** Where a browser on this site would go with `Location: <path>`. */
const browserTarget = (path: string) => new URL(path, "https://amg.example.org/sign-in");

describe("safeNextPath", () => {
  const offSite: [string, string][] = [
    ["the audit's tab between slashes, as the query string decodes it", "/\t/evil.example"],
    ["the audit's tab, still percent-encoded", decodeURIComponent("/%09/evil.example")],
    ["a newline between slashes", "/\n/evil.example"],
    ["a carriage return between slashes", "/\r/evil.example"],
    ["a leading tab", "\t//evil.example"],
    ["a leading space", " //evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["three slashes", "///evil.example"],
    ["a backslash after the slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a slash and a backslash with a tab", "/\t\\evil.example"],
    ["an absolute https URL", "https://evil.example/account"],
    ["an absolute URL without slashes", "https:evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a path whose dot segment leaves two slashes", "/.//evil.example"],
    ["a path whose parent segment leaves two slashes", "/a/..//evil.example"],
    ["a very long value", `/${"a".repeat(5000)}`],
  ];
  it.each(offSite)("refuses %s", (_name, value) => {
    expect(safeNextPath(value)).toBe("/account");
  });

  const onSite: [string, string, string][] = [
    ["a plain path", "/admin", "/admin"],
    ["a path with a query and a fragment", "/admin/people?q=ana#list", "/admin/people?q=ana#list"],
    ["the ideographic full stop of the audit, encoded so a header can carry it", "/\u3002evil.example", "/%E3%80%82evil.example"],
    ["an ideographic full stop in the query", "/act?zip=1\u30022", "/act?zip=1%E3%80%822"],
    ["a control character inside a path", "/a\u0001b", "/a%01b"],
    ["a NUL byte between slashes, encoded", "/\u0000/evil.example", "/%00/evil.example"],
    ["a space", "/account/profile x", "/account/profile%20x"],
    ["dot segments", "/account/../admin", "/admin"],
    ["a carriage return and newline (header splitting), dropped", "/\r\nSet-Cookie: amg_session=x", "/Set-Cookie:%20amg_session=x"],
  ];
  it.each(onSite)("keeps %s on this site", (_name, value, expected) => {
    const result = safeNextPath(value);
    expect(result).toBe(expected);
    expect(browserTarget(result).origin).toBe("https://amg.example.org");
  });

  it("gives the fallback for nothing at all", () => {
    expect(safeNextPath(null)).toBe("/account");
    expect(safeNextPath(undefined, "/admin")).toBe("/admin");
    expect(safeNextPath("", "/admin")).toBe("/admin");
  });

  it("answers only values a Location header can carry", () => {
    const values = [...offSite.map((row) => row[1]), ...onSite.map((row) => row[1]), "/%E3%80%82", "/\u{1F600}", "/\u00e9t\u00e9"];
    for (const value of values) {
      const result = safeNextPath(value);
      expect(() => new Headers({ location: result }), JSON.stringify(value)).not.toThrow();
      expect(result, JSON.stringify(value)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      expect(browserTarget(result).origin, JSON.stringify(value)).toBe("https://amg.example.org");
    }
  });
});
