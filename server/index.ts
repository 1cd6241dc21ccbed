// HTTP entry (bundled with the app by `npm run build`): static files, the public-page cache,
// the Origin check on state-changing requests, React Router, and a clean shutdown.
// `node build/server/index.js --worker` runs job workers only (needs DATABASE_URL).
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { sendResponse } from "@remix-run/node-fetch-server";
import { createRequestHandler } from "react-router";
import type { ServerBuild } from "react-router";
import sirv from "sirv";
import * as build from "virtual:react-router/server-build";
import { forgetLegislatorIndex, legislatorIndex } from "~/domains/advocacy/legislators/legislator-directory.server";
import { referenceChangedChannel } from "~/domains/advocacy/legislators/load-reference-data.server";
import { contentChangedChannel } from "~/domains/site/content-changed.server";
import { clientIpOf } from "~/platform/client-ip";
import { cookieValue } from "~/platform/cookies";
import { ConfigError, loadConfig } from "~/platform/env";
import type { Config } from "~/platform/env";
import { createLogger } from "~/platform/logger";
import { PageCache, pickEncoding } from "~/platform/page-cache";
import { pageCacheKeys } from "~/platform/page-cache-key";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { RequestContext } from "~/platform/request-context";
import { sessionCookieName } from "~/platform/request-context";
import { appPath } from "~/platform/app-root";
import { hitRateLimit, rateLimits } from "~/platform/rate-limit.server";
import { startPlatform } from "./platform";
import type { Platform } from "./platform";
import { checkCanListen, listenFailure, listenOn } from "./listen";
import { finishedResponse, limitedRequest, refuseEarly, refuseWithoutSession, sendRefusal } from "./request-limits";
import { errorPageHtml, securityHeaders } from "./responses";

const startedAt = performance.now();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const log = createLogger(config.logLevel);
const workerOnly = process.argv.includes("--worker");
if (workerOnly && !config.databaseUrl) {
  console.error("npm run worker needs DATABASE_URL: the embedded database belongs to the web process, which runs the workers itself.");
  process.exit(1);
}

if (!workerOnly) {
  try {
    await checkCanListen(config.port, config.host);
  } catch (error) {
    console.error(listenFailure(error, config.port, config.host));
    process.exit(1);
  }
}

let platform: Platform;
try {
  platform = await startPlatform(config, log, { runWorkers: workerOnly || config.runWorkers });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Could not start: ${message}`);
  process.exit(1);
}
const { services } = platform;

let server: http.Server | undefined;
if (!workerOnly) {
  const handleRequest = createRequestHandler(build as unknown as ServerBuild, "production");
  const cache = new PageCache();
  // The cache key: the path and the query parameters the page declares it reads (platform/page-cache-key.ts).
  const cacheKeyOf = pageCacheKeys(
    Object.entries((build as unknown as ServerBuild).routes).flatMap(([id, r]) =>
      r ? [{ id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: r.caseSensitive, cacheQuery: (r.module.handle as CacheHandle | undefined)?.cacheQuery }] : [],
    ),
  );
  await platform.handle.listen(contentChangedChannel, () => cache.clear());
  await platform.handle.listen(referenceChangedChannel, () => {
    forgetLegislatorIndex();
    cache.clear();
  });
  const assets = sirv(appPath("build", "client"), {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders(res, pathname) {
      if (pathname.startsWith("/assets/")) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    },
  });
  const publicOrigin = new URL(config.appUrl).origin;
  const isHttps = config.appUrl.startsWith("https:");

  const clientIp = (req: http.IncomingMessage): string | null => clientIpOf({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"] }, config.trustProxy);

  const hasSession = (req: http.IncomingMessage) => cookieValue(req.headers.cookie, sessionCookieName) !== null;

  // A state-changing request from another site is refused (CSRF); a mail client's one-click
  // unsubscribe POST carries no Origin and is allowed.
  const isCrossSite = (req: http.IncomingMessage): boolean => {
    if (req.headers["sec-fetch-site"] === "cross-site") return true;
    const origin = req.headers.origin;
    if (!origin || origin === "null") return false;
    const host = req.headers.host;
    return origin !== publicOrigin && !(host && (origin === `http://${host}` || origin === `https://${host}`));
  };

  /** The general per-IP ceiling on state-changing requests (kept in the database). */
  const admitChange = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    const limit = await hitRateLimit(services.db, rateLimits.changesPerIp, clientIp(req) ?? "unknown", services.clock());
    if (limit.allowed) return true;
    res.writeHead(429, { "content-type": "text/html; charset=utf-8", "retry-after": String(limit.retryAfterSeconds) });
    res.end(errorPageHtml(429, "You have sent many forms in a short time. Please wait a minute and try again."));
    return false;
  };

  /** A body posted to the console or account pages is read only for a session that may post there. */
  const admitSession = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    const refusal = await refuseWithoutSession(req, services.db, services.clock());
    if (refusal) sendRefusal(req, res, refusal);
    return refusal === null;
  };

  const serveFromCache = (req: http.IncomingMessage, res: http.ServerResponse, key: string, status: "HIT" | "MISS" = "HIT"): boolean => {
    const page = cache.get(key, Date.now());
    if (!page) return false;
    const encoding = pickEncoding(req.headers["accept-encoding"] as string | undefined);
    const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.body;
    const headers: http.OutgoingHttpHeaders = Object.fromEntries(page.headers);
    headers["content-length"] = body.length;
    headers.vary = "Accept-Encoding, Cookie";
    headers["x-page-cache"] = status;
    if (encoding) headers["content-encoding"] = encoding;
    res.writeHead(page.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };

  const renderApp = async (req: http.IncomingMessage, res: http.ServerResponse, cacheKey: string | null) => {
    const requestId = randomUUID();
    const context: RequestContext = {
      services,
      clientIp: clientIp(req),
      requestId,
      nonce: randomBytes(16).toString("base64"),
      secureCookies: isHttps,
      cache: { isPublic: false },
    };
    const request = await limitedRequest(req, res);
    if (!(request instanceof Request)) return sendRefusal(req, res, request);
    const response = finishedResponse(req, await handleRequest(request, context));
    for (const [name, value] of Object.entries(securityHeaders(context.nonce, isHttps))) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    const isHtmlOrData = /text\/html|text\/x-script|application\/json/.test(response.headers.get("content-type") ?? "");
    if (cacheKey && context.cache.isPublic && response.status === 200 && !response.headers.has("set-cookie") && isHtmlOrData && req.method === "GET") {
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", "no-cache");
      // A cached page goes to many visitors, so it must not carry one response's nonce: public
      // pages run no inline script (they ship no JavaScript), so their policy allows none.
      response.headers.set("Content-Security-Policy", (response.headers.get("content-security-policy") ?? "").replace(/ 'nonce-[^']+'/, ""));
      const headers = [...response.headers.entries()].filter(([name]) => !["content-length", "content-encoding"].includes(name));
      const ttl = 5 * 60_000;
      const expiresAt = Math.min(Date.now() + ttl, context.cache.expiresAt?.getTime() ?? Infinity);
      cache.set(cacheKey, { status: 200, headers, body, expiresAt });
      serveFromCache(req, res, cacheKey, "MISS");
      return;
    }
    if (response.headers.get("cache-control") === null) response.headers.set("Cache-Control", "no-store");
    await sendResponse(res, response);
  };

  server = http.createServer((req, res) => {
    const isRead = req.method === "GET" || req.method === "HEAD";
    const cacheKey = isRead && config.pageCache && !hasSession(req) ? cacheKeyOf(req.url ?? "/") : null;
    // The page is rendered from its key, so a parameter the key leaves out cannot change what is cached.
    if (cacheKey) req.url = cacheKey;
    if (cacheKey && serveFromCache(req, res, cacheKey)) return;
    const next = () => {
      const refusal = refuseEarly(req);
      if (refusal) return sendRefusal(req, res, refusal);
      if (!isRead && isCrossSite(req)) {
        res.writeHead(403, { "content-type": "text/html; charset=utf-8" });
        res.end(errorPageHtml(403, "This form was sent from another website, so we did not accept it. Please use the form on our site."));
        return;
      }
      const admitted = isRead ? Promise.resolve(true) : admitSession(req, res).then((ok) => ok && admitChange(req, res));
      admitted
        .then((ok) => (ok ? renderApp(req, res, cacheKey) : undefined))
        .catch((error) => {
          log.error("request failed", { url: req.url, error });
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/html; charset=utf-8" });
          res.end(errorPageHtml(500, "Something went wrong on our side. Please try again in a moment."));
        });
    };
    if (isRead) assets(req, res, next);
    else next();
  });
  server.keepAliveTimeout = 65_000;
  try {
    await listenOn(server, config.port, config.host);
  } catch (error) {
    console.error(listenFailure(error, config.port, config.host));
    await platform.close().catch(() => {}); // releases the data folder's lock
    process.exit(1);
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  // Build the legislator index now rather than on the first visitor's lookup.
  legislatorIndex(services.db).catch((error) => log.error("legislator index failed", { error }));
  log.info("AMG platform listening", {
    url: `http://localhost:${port}`,
    port,
    database: platform.handle.kind,
    mail: platform.transport ? "smtp" : "outbox only",
    startupMs: Math.round(performance.now() - startedAt),
  });
} else {
  log.info("AMG workers running", { database: platform.handle.kind });
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  await new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await platform.close().catch((error) => log.error("shutdown error", { error }));
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
