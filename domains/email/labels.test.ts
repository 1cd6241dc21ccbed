import { describe, expect, it } from "vitest";
import { outboxMessages, subscribers } from "~/db/schema/index";
import { outboxStatusLabels, subscriberStatusLabels } from "./labels";

describe("email labels", () => {
  it("has words for every stored outbox status", () => {
    expect(Object.keys(outboxStatusLabels).sort()).toEqual([...outboxMessages.status.enumValues].sort());
  });

  it("has words for every stored subscriber status", () => {
    expect(Object.keys(subscriberStatusLabels).sort()).toEqual([...subscribers.status.enumValues].sort());
  });
});
