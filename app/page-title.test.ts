import { describe, expect, it } from "vitest";
import { homeTitle, pageTitle } from "./page-title";

const matches = (organisation?: { name: string; shortName: string }) => [
  { id: "root", data: organisation ? { organisation } : undefined },
  { id: "routes/x", data: {} },
];

describe("page titles", () => {
  it("ends with the organisation's short name from the settings", () => {
    expect(pageTitle(matches({ name: "Doctors United", shortName: "DU" }), "Open letters")).toEqual({ title: "Open letters — DU" });
  });

  it("marks console pages as the organisation's staff pages", () => {
    expect(pageTitle(matches({ name: "Alliance of Medical Graduates", shortName: "AMG" }), "Audit log", "staff")).toEqual({ title: "Audit log — AMG staff" });
  });

  it("starts the home page's title with the full name", () => {
    expect(homeTitle(matches({ name: "Doctors United", shortName: "DU" }), "doctors ready to serve")).toEqual({ title: "Doctors United — doctors ready to serve" });
  });

  it("says just the page when no settings reached the page (an error page)", () => {
    expect(pageTitle(matches(), "Page not found")).toEqual({ title: "Page not found" });
  });
});
