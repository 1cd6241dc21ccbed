import { describe, expect, it } from "vitest";
import { clientIpOf, parseTrustProxy } from "./client-ip";

const proxy = "10.0.0.5";

describe("clientIpOf", () => {
  const cases: { name: string; forwardedFor?: string | string[]; socket?: string; trust: ReturnType<typeof parseTrustProxy> & {}; expected: string | null }[] = [
    { name: "takes the socket's address when no proxy is trusted, whatever the header says", forwardedFor: "203.0.113.9", trust: 0, expected: proxy },
    { name: "takes the address the one trusted proxy appended", forwardedFor: "203.0.113.9", trust: 1, expected: "203.0.113.9" },
    { name: "ignores what the client wrote before the proxy's entry (spoofing the left-most address)", forwardedFor: "1.2.3.4, 203.0.113.9", trust: 1, expected: "203.0.113.9" },
    { name: "joins repeated headers in order", forwardedFor: ["1.2.3.4", "203.0.113.9"], trust: 1, expected: "203.0.113.9" },
    { name: "skips two trusted hops", forwardedFor: "1.2.3.4, 203.0.113.9, 10.0.0.7", trust: 2, expected: "203.0.113.9" },
    { name: "stops at the left-most address when there are fewer entries than hops", forwardedFor: "203.0.113.9", trust: 3, expected: "203.0.113.9" },
    { name: "takes the socket when a trusted proxy sent no header", trust: 1, expected: proxy },
    { name: "trusts listed proxies by CIDR and takes the first address outside them", forwardedFor: "1.2.3.4, 203.0.113.9, 10.0.0.7", trust: ["10.0.0.0/8"], expected: "203.0.113.9" },
    { name: "believes no header from a socket that is not a listed proxy", forwardedFor: "203.0.113.9", socket: "198.51.100.2", trust: ["10.0.0.0/8"], expected: "198.51.100.2" },
    { name: "falls back to the proxy's address when the header holds no address", forwardedFor: "not-an-ip", trust: 1, expected: proxy },
    { name: "reads IPv6 addresses", forwardedFor: "2001:db8::1", trust: 1, expected: "2001:db8::1" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(clientIpOf({ socketAddress: c.socket ?? proxy, forwardedFor: c.forwardedFor }, c.trust)).toBe(c.expected);
    });
  }

  it("answers null when the socket has no address (closed)", () => {
    expect(clientIpOf({ socketAddress: undefined, forwardedFor: "203.0.113.9" }, 1)).toBeNull();
  });
});

describe("parseTrustProxy", () => {
  it.each([
    ["false", 0],
    ["0", 0],
    ["true", 1],
    ["1", 1],
    ["2", 2],
    ["10.0.0.1", ["10.0.0.1"]],
    ["10.0.0.0/8, loopback", ["10.0.0.0/8", "loopback"]],
  ])("reads %s", (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(["maybe", "10.0.0.300", "-1", ","])("refuses %s", (value) => {
    expect(parseTrustProxy(value)).toBeNull();
  });
});
