// The import page's self-refresh (the progress bar without JavaScript) follows the import's state.
import { describe, expect, it } from "vitest";
import { meta } from "./applications-import-status";

type MetaArgs = Parameters<typeof meta>[0];
const metaFor = (status: string) => meta({ data: { imp: { status } }, matches: [] } as unknown as MetaArgs);

describe("the import page's refresh", () => {
  it.each([
    ["checking", true],
    ["importing", true],
    ["checked", false],
    ["done", false],
    ["cancelled", false],
  ])("while the import is %s: reloads itself = %s", (status, reloads) => {
    const refresh = metaFor(status).find((m) => "httpEquiv" in m);
    expect(refresh ? refresh : null).toEqual(reloads ? { httpEquiv: "refresh", content: "2" } : null);
  });
});
