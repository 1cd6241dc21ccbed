import { describe, expect, it } from "vitest";
import { bodyLimitFor, countedWithin, defaultBodyLimit, needsSession, readWithin, refuseEarly, unreadableForm } from "./request-limits";

const head = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers });
const urlencoded = { "content-type": "application/x-www-form-urlencoded" };

describe("refuseEarly", () => {
  it.each([
    ["TRACE", head("TRACE", "/contact"), 405],
    ["PUT on a form", head("PUT", "/contact", urlencoded), 405],
    ["DELETE", head("DELETE", "/admin/people/x"), 405],
    ["a NUL byte in a path segment", head("GET", "/letters/%00"), 400],
    ["a NUL byte in the query", head("GET", "/admin/inbox?q=%00"), 400],
    ["a POST without a content type", head("POST", "/contact"), 415],
    ["a JSON POST", head("POST", "/contact", { "content-type": "application/json" }), 415],
    ["an XML POST", head("POST", "/contact", { "content-type": "application/xml" }), 415],
    ["a text POST to the API", head("POST", "/api/legislators", { "content-type": "text/plain" }), 415],
    ["a 300 MB form, on its Content-Length", head("POST", "/contact", { ...urlencoded, "content-length": String(300 * 1024 * 1024) }), 413],
  ])("refuses %s", (_name, request, status) => {
    expect(refuseEarly(request)?.status).toBe(status);
  });

  it.each([
    ["a page", head("GET", "/letters/aamc?q=caf%C3%A9")],
    ["HEAD", head("HEAD", "/")],
    ["a form", head("POST", "/contact", { ...urlencoded, "content-length": "120" })],
    ["a multipart form with its boundary", head("POST", "/join/apply", { "content-type": "multipart/form-data; boundary=x" })],
    ["a mail client's one-click unsubscribe", head("POST", "/unsubscribe?token=abc", { "content-type": "application/x-www-form-urlencoded", "content-length": "26" })],
    ["a 40 MB member import", head("POST", "/admin/applications/import", { "content-type": "multipart/form-data; boundary=x", "content-length": String(40 * 1024 * 1024) })],
  ])("lets %s through", (_name, request) => {
    expect(refuseEarly(request)).toBeNull();
  });

  it("names the methods allowed with a 405", () => {
    expect(refuseEarly(head("PATCH", "/contact"))?.headers).toEqual({ Allow: "GET, HEAD, POST" });
  });
});

describe("bodyLimitFor and needsSession", () => {
  it("gives uploads their own limit and every form the small one", () => {
    expect(bodyLimitFor("/contact")).toBe(defaultBodyLimit);
    expect(bodyLimitFor("/admin/applications/import")).toBeGreaterThan(50 * 1024 * 1024);
    expect(bodyLimitFor("/admin/applications/import/abc")).toBe(defaultBodyLimit);
  });

  it("knows a route by the path React Router matches: its JavaScript form submission (.data), other cases, escapes, a trailing slash", () => {
    for (const path of ["/admin/applications/import.data", "/Admin/Applications/Import/", "/admin/applications/%69mport"]) {
      expect(bodyLimitFor(path), path).toBeGreaterThan(50 * 1024 * 1024);
    }
    expect(needsSession("/account.data")).toBe("person");
    expect(needsSession("/_root.data")).toBeNull();
    expect(needsSession("/%61dmin/settings")).toBe("staff");
    expect(needsSession("/admin%")).toBeNull();
  });

  it.each([
    ["/admin", "staff"],
    ["/admin/applications/import", "staff"],
    ["/account", "person"],
    ["/account/profile", "person"],
    ["/account/delete", null],
    ["/sign-in", null],
    ["/administration", null],
    ["/contact", null],
  ])("%s needs %s", (path, needed) => {
    expect(needsSession(path)).toBe(needed);
  });
});

const streamOf = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });

describe("reading bodies within their limit", () => {
  it("reads a body up to the limit, and nothing past it", async () => {
    expect(new TextDecoder().decode((await readWithin(streamOf("ab", "cd"), 4))!)).toBe("abcd");
    expect(await readWithin(streamOf("ab", "cd", "e"), 4)).toBeNull();
  });

  it("errors a passed-on stream once it goes past the limit", async () => {
    await expect(new Response(countedWithin(streamOf("abc", "def"), 4)).text()).rejects.toThrow();
    expect(await new Response(countedWithin(streamOf("abc", "d"), 4)).text()).toBe("abcd");
  });
});

describe("unreadableForm", () => {
  const bytes = (s: string) => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;
  it("reads a plain form", async () => {
    expect(await unreadableForm(bytes("name=Ann&message=Hi%0D%0Athere"), "application/x-www-form-urlencoded")).toBeNull();
  });

  it.each([
    ["a NUL byte in a urlencoded field", "name=a%00b", "application/x-www-form-urlencoded"],
    ["a NUL byte in a field's name", "na%00me=a", "application/x-www-form-urlencoded"],
    ["a multipart body without its end", '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\nhalf', "multipart/form-data; boundary=b"],
    ["a multipart body without a boundary", "x", "multipart/form-data"],
    ["a NUL byte in a multipart field", '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\na\u0000b\r\n--b--\r\n', "multipart/form-data; boundary=b"],
  ])("refuses %s with 400", async (_name, body, type) => {
    expect((await unreadableForm(bytes(body), type))?.status).toBe(400);
  });
});
