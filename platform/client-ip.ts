// Which address a request comes from, for per-IP rate limits and the audit log. Behind a reverse
// proxy the socket's address is the proxy's, and `X-Forwarded-For` lists every hop, the client's
// first; but the client writes that header too, so only the entries the trusted proxies
// appended can be believed. The client is the right-most address that is not a trusted proxy
// (Express's `trust proxy` rule, applied by its own `proxy-addr`). This module does not decide
// what to trust: TRUST_PROXY (platform/env.ts) does.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import proxyAddr from "proxy-addr";

/** How many proxies stand in front of the server (0: none, the socket is the client), or their addresses/CIDRs. */
export type TrustProxy = number | string[];

/** Parses TRUST_PROXY: `false`/`true` (one proxy), a number of hops, or a comma-separated list of addresses and CIDRs. */
export function parseTrustProxy(value: string): TrustProxy | null {
  const v = value.trim().toLowerCase();
  if (["false", "no", "off"].includes(v)) return 0;
  if (["true", "yes", "on"].includes(v)) return 1;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const list = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) return null;
  try {
    proxyAddr.compile(list);
  } catch {
    return null;
  }
  return list;
}

const trustRules = new WeakMap<string[], (address: string, hop: number) => boolean>();

function trustRule(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  let rule = trustRules.get(trust);
  if (!rule) {
    rule = proxyAddr.compile(trust);
    trustRules.set(trust, rule);
  }
  return rule;
}

/** The client's address: the right-most one not added by a trusted proxy; the socket's when nothing is trusted. */
export function clientIpOf(request: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined }, trust: TrustProxy): string | null {
  if (!request.socketAddress) return null;
  if (trust === 0) return request.socketAddress;
  const forwarded = Array.isArray(request.forwardedFor) ? request.forwardedFor.join(",") : request.forwardedFor;
  const like = { headers: forwarded ? { "x-forwarded-for": forwarded } : {}, socket: { remoteAddress: request.socketAddress }, connection: { remoteAddress: request.socketAddress } };
  const address = proxyAddr(like as unknown as IncomingMessage, trustRule(trust));
  // A proxy that wrote garbage does not get to name the client: count it as the proxy's own request.
  return isIP(address) ? address : request.socketAddress;
}
