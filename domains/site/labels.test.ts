import { describe, expect, it } from "vitest";
import { contactMessages } from "~/db/schema/index";
import { contactMessageStatusLabels } from "./labels";

describe("site labels", () => {
  it("has words for every stored contact message status", () => {
    expect(Object.keys(contactMessageStatusLabels).sort()).toEqual([...contactMessages.status.enumValues].sort());
  });
});
