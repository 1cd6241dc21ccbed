// Where the platform's master key comes from: SECRET_KEY, or else a key generated once and kept
// in the data folder. The file keeps development, tests and the one-process default working with
// nothing to set, and keeps the key out of the database (a copied dump or backup does not carry
// it). It is not enough for a real deployment: processes on other machines would each make their
// own, and the key should live in the operator's secret store, so production says so at start.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "./env";
import type { Logger } from "./logger";

export const secretKeyFileName = "secret-key";

/**
 * A deployment people use: a shared database, or a public address. A first `npm start` on a laptop
 * (production mode, localhost) is neither, and is not warned about a key it does not need yet.
 */
const isDeployment = (config: Pick<Config, "nodeEnv" | "databaseUrl" | "appUrl">) =>
  config.nodeEnv === "production" && (Boolean(config.databaseUrl) || !["localhost", "127.0.0.1", "[::1]"].includes(new URL(config.appUrl).hostname));

export function resolveSecretKey(config: Pick<Config, "secretKey" | "dataDir" | "nodeEnv" | "databaseUrl" | "appUrl">, log: Logger): Buffer {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, secretKeyFileName);
  const key = readKeyFile(file) ?? createKeyFile(file, log);
  if (isDeployment(config)) {
    const where = config.databaseUrl
      ? "only on this machine, so other processes sharing DATABASE_URL cannot read what this one encrypts"
      : "in the data folder, beside the database, so a copy of that folder carries the key";
    const message = `SECRET_KEY is not set: authenticator secrets are encrypted with a key kept ${where}. Set SECRET_KEY from your secret store to the contents of that file (the key already in use).`;
    log.warn(message, { file });
  }
  return key;
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key: restore it, or set SECRET_KEY`);
  return key;
}

function createKeyFile(file: string, log: Logger): Buffer {
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process starting at the same moment wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readKeyFile(file)!;
    throw error;
  }
  chmodSync(file, 0o600);
  log.info("secret key generated", { file });
  return key;
}
