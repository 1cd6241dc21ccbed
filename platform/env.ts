// Configuration: every environment variable the platform reads, parsed once at boot.
// Use cases never read process.env; they receive the parsed Config.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseTrustProxy } from "./client-ip";
import type { TrustProxy } from "./client-ip";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], {
    error: "use true or false",
  })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

/** 32 random bytes, as base64 (44 characters, or 43 without padding; base64url too) or hex (64). */
const secretKey = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : /^[A-Za-z0-9+/_-]{43}=?$/.test(value) ? Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64") : null;
    if (bytes?.length !== 32) {
      ctx.addIssue({ code: "custom", message: "must be 32 random bytes in base64 or hex, e.g. the output of `openssl rand -base64 32`" });
      return z.NEVER;
    }
    return bytes;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  APP_URL: z.url({ error: "must be an absolute URL such as https://amg.example.org" }).optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  /** Shared secret of the bounce/complaint webhook (POST /api/mail-events); unset: the webhook answers 404. */
  MAIL_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v, ctx) => {
      const trust = parseTrustProxy(v);
      if (trust === null) ctx.addIssue({ code: "custom", message: "use false, true (one proxy), a number of proxies, or their addresses/CIDRs separated by commas" });
      return trust ?? 0;
    }),
  RUN_WORKERS: booleanFlag.optional(),
  PAGE_CACHE: booleanFlag.default(true),
  ADMIN_EMAIL: z.email({ error: "must be an e-mail address" }).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  SECRET_KEY: secretKey.optional(),
  REFERENCE_DATA_DIR: z.string().min(1).optional(),
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  UPLOAD_DIR: z.string().min(1).optional(),
});

export type Config = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string | undefined;
  appUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  mailWebhookSecret: string | undefined;
  /** Proxies in front of the server: how many (0: none), or their addresses/CIDRs. */
  trustProxy: TrustProxy;
  runWorkers: boolean;
  pageCache: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Given the admin role at start (created if needed). */
  adminEmail: string | undefined;
  /** Encrypts authenticator secrets and signs known-device cookies; unset → a key file in the data folder. */
  secretKey: Buffer | undefined;
  /** Where the legislator files loaded into a new database are (unset: the shipped data/); tests point it at a small fixture. */
  referenceDataDir: string | undefined;
  /** The Chromium that prints PDF packets (docs/decisions/0019). */
  chromiumPath: string;
  /** Where uploaded images and their variants are written (default: `uploads` in the data folder). */
  uploadDir: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment (empty strings count as unset). Throws ConfigError naming every bad variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const env = parsed.data;
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    mailWebhookSecret: env.MAIL_WEBHOOK_SECRET,
    trustProxy: env.TRUST_PROXY,
    // Embedded PGlite belongs to the web process, so its workers always run there.
    runWorkers: env.RUN_WORKERS ?? true,
    pageCache: env.PAGE_CACHE,
    logLevel: env.LOG_LEVEL,
    adminEmail: env.ADMIN_EMAIL?.toLowerCase(),
    secretKey: env.SECRET_KEY,
    referenceDataDir: env.REFERENCE_DATA_DIR ? path.resolve(env.REFERENCE_DATA_DIR) : undefined,
    chromiumPath: env.CHROMIUM_PATH,
    uploadDir: path.resolve(env.UPLOAD_DIR ?? path.join(env.DATA_DIR, "uploads")),
  };
}

/** Reads `.env` (if present, without overriding the real environment) and parses it. */
export function loadConfig(): Config {
  if (existsSync(".env")) process.loadEnvFile(".env");
  return parseConfig(process.env);
}
