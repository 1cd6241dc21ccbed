import { describe, expect, it } from "vitest";
import { brandStylesheet, contrastWithWhite } from "./brand";
import { isSafeLogoAddress, organisationSchema } from "./site.schema";
import { starterOrganisation } from "./starter-content";

describe("brand settings", () => {
  it("accepts #rrggbb colours that white text stays readable on, and refuses the rest", () => {
    const parse = (primaryColour: string) => organisationSchema.safeParse({ ...starterOrganisation, primaryColour });
    expect(parse("#0B4F6C").data?.primaryColour).toBe("#0b4f6c");
    expect(parse("red").success).toBe(false);
    expect(parse("#0b4f6c; } body { display:none").success).toBe(false);
    expect(parse("#ffff00").error?.issues[0]?.message).toContain("white text");
    expect(contrastWithWhite("#0b4f6c")).toBeGreaterThan(4.5);
  });

  it("takes a logo from an https address or a path on this site, never a script or another scheme", () => {
    expect(isSafeLogoAddress("https://cdn.example.org/logo.svg")).toBe(true);
    expect(isSafeLogoAddress("/logo.png")).toBe(true);
    for (const bad of ["javascript:alert(1)", "http://example.org/logo.png", "//evil.example/logo.png", "data:image/svg+xml,<svg>", '/x" onerror="alert(1)'])
      expect(isSafeLogoAddress(bad)).toBe(false);
  });

  it("reads settings saved before colours existed with the starter colours", () => {
    const { primaryColour, accentColour, logoUrl, ...older } = starterOrganisation;
    expect(organisationSchema.parse(older)).toMatchObject({ primaryColour: "#0b4f6c", accentColour: "#c2410c", logoUrl: "" });
  });

  it("writes the colours as the stylesheet's custom properties", () => {
    expect(brandStylesheet({ primaryColour: "#123456", accentColour: "#654321" })).toBe(":root {\n  --brand: #123456;\n  --brand-dark: #0d253e;\n  --accent: #654321;\n}\n");
  });

  it("carries AMG's published e-mail address and no invented street address", () => {
    expect(starterOrganisation).toMatchObject({ email: "AllianceofMG@gmail.com", streetAddress: "", postalCode: "", city: "Syracuse", region: "NY" });
  });
});
