import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~/db/client.server";
import { testEngines } from "~/tests/helpers/test-db";
import { askFor, listStatePathways, seedStatePathways } from "./state-pathways.server";

describe.each(testEngines())("state law tracker on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(async () => handle?.close());

  it("starts with the eleven states that have a law, and every other state as no law found", async () => {
    expect(await seedStatePathways(handle.db)).toBe(true);
    expect(await seedStatePathways(handle.db)).toBe(false);
    const states = await listStatePathways(handle.db);
    expect(states).toHaveLength(51);
    expect(
      states
        .filter((s) => s.status === "law-in-force")
        .map((s) => s.state)
        .sort(),
    ).toEqual(["AL", "AR", "AZ", "FL", "ID", "KS", "LA", "MO", "TN", "TX", "UT"]);
    expect(states.find((s) => s.state === "MO")).toMatchObject({ licenceTitle: "Assistant physician", year: 2014 });
    expect(states.find((s) => s.state === "NY")).toMatchObject({ status: "none", ask: expect.stringContaining("introduce a collaborative-practice bill") });
  });

  it("asks for the right thing in each case", () => {
    expect(askFor({ status: "bill-pending", law: "A 1234", licenceTitle: "" })).toBe("Ask your state legislators to pass A 1234.");
    expect(askFor({ status: "law-in-force", law: "x", licenceTitle: "Assistant physician" })).toContain("Use the existing licence (Assistant physician)");
  });
});
