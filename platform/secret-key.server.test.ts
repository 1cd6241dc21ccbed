import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "./logger";
import { resolveSecretKey } from "./secret-key.server";

describe("resolveSecretKey", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "amg-key-"));
    dirs.push(dir);
    return path.join(dir, "data"); // not there yet: created on demand
  };
  const capture = () => {
    const lines: { level: string; msg: string }[] = [];
    const at = (level: string) => (msg: string) => void lines.push({ level, msg });
    const log: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
    return { log, lines };
  };

  it("uses SECRET_KEY when it is set, and says nothing", () => {
    const key = Buffer.alloc(32, 1);
    const { log, lines } = capture();
    expect(resolveSecretKey({ secretKey: key, dataDir: dataDir(), nodeEnv: "production", databaseUrl: undefined, appUrl: "https://amg.example.org" }, log)).toBe(key);
    expect(lines).toEqual([]);
  });

  it("generates a key once in the data folder, readable only by its owner, and keeps using it", () => {
    const dir = dataDir();
    const { log } = capture();
    const first = resolveSecretKey({ secretKey: undefined, dataDir: dir, nodeEnv: "development", databaseUrl: undefined, appUrl: "https://amg.example.org" }, log);
    expect(first).toHaveLength(32);
    const file = path.join(dir, "secret-key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64")).toEqual(first);
    expect(resolveSecretKey({ secretKey: undefined, dataDir: dir, nodeEnv: "development", databaseUrl: undefined, appUrl: "https://amg.example.org" }, log)).toEqual(first);
  });

  it("says clearly in production that SECRET_KEY is missing, more so with a shared database", () => {
    const alone = capture();
    resolveSecretKey({ secretKey: undefined, dataDir: dataDir(), nodeEnv: "production", databaseUrl: undefined, appUrl: "https://amg.example.org" }, alone.log);
    expect(alone.lines.find((l) => l.level === "warn")?.msg).toMatch(/^SECRET_KEY is not set: .*data folder/);
    const shared = capture();
    resolveSecretKey({ secretKey: undefined, dataDir: dataDir(), nodeEnv: "production", databaseUrl: "postgres://db/amg", appUrl: "http://localhost:3000" }, shared.log);
    expect(shared.lines.find((l) => l.level === "warn")?.msg).toMatch(/^SECRET_KEY is not set: .*other processes sharing DATABASE_URL/);
    const laptop = capture(); // a first npm start: production mode, on localhost, one process
    resolveSecretKey({ secretKey: undefined, dataDir: dataDir(), nodeEnv: "production", databaseUrl: undefined, appUrl: "http://localhost:3000" }, laptop.log);
    expect(laptop.lines.filter((l) => l.level === "warn")).toEqual([]);
    const dev = capture();
    resolveSecretKey({ secretKey: undefined, dataDir: dataDir(), nodeEnv: "development", databaseUrl: undefined, appUrl: "https://amg.example.org" }, dev.log);
    expect(dev.lines.filter((l) => l.level === "warn")).toEqual([]);
  });

  it("refuses to start with a damaged key file rather than make a new key", () => {
    const dir = dataDir();
    const { log } = capture();
    resolveSecretKey({ secretKey: undefined, dataDir: dir, nodeEnv: "development", databaseUrl: undefined, appUrl: "https://amg.example.org" }, log);
    writeFileSync(path.join(dir, "secret-key"), "short\n");
    expect(() => resolveSecretKey({ secretKey: undefined, dataDir: dir, nodeEnv: "development", databaseUrl: undefined, appUrl: "https://amg.example.org" }, log)).toThrow(
      /does not hold a 32-byte key/,
    );
  });
});
