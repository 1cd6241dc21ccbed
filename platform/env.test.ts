import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env";

describe("parseConfig", () => {
  it("gives the embedded defaults when nothing is set", () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.appUrl).toBe("http://localhost:3000");
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
    expect(config.runWorkers).toBe(true);
  });

  it("treats empty variables as unset and trims the trailing slash of APP_URL", () => {
    const config = parseConfig({ PORT: "", APP_URL: "https://amg.example.org/" });
    expect(config.port).toBe(3000);
    expect(config.appUrl).toBe("https://amg.example.org");
  });

  it("names every bad variable at once", () => {
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", SMTP_URL: "http://mail", APP_URL: "not a url", RUN_WORKERS: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ["PORT", "DATABASE_URL", "SMTP_URL", "APP_URL", "RUN_WORKERS"]) expect(message).toContain(name);
      expect(message).toContain("must start with postgres:// or postgresql://");
    }
  });

  it("reads SECRET_KEY as 32 bytes in base64 or hex, and names it when it is anything else", () => {
    const bytes = Buffer.alloc(32, 7);
    expect(parseConfig({}).secretKey).toBeUndefined();
    expect(parseConfig({ SECRET_KEY: bytes.toString("base64") }).secretKey).toEqual(bytes);
    expect(parseConfig({ SECRET_KEY: bytes.toString("base64url") }).secretKey).toEqual(bytes);
    expect(parseConfig({ SECRET_KEY: bytes.toString("hex") }).secretKey).toEqual(bytes);
    for (const bad of ["secret", Buffer.alloc(16).toString("base64"), Buffer.alloc(33).toString("hex"), "g".repeat(64)]) {
      expect(() => parseConfig({ SECRET_KEY: bad }), bad).toThrow(/SECRET_KEY: must be 32 random bytes/);
    }
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, 0],
    ["false", 0],
    ["true", 1],
    ["2", 2],
    ["10.0.0.0/8,127.0.0.1", ["10.0.0.0/8", "127.0.0.1"]],
  ])("reads %s as %j", (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it("names TRUST_PROXY when it is neither a flag, a count nor addresses", () => {
    expect(() => parseConfig({ TRUST_PROXY: "maybe" })).toThrow(/TRUST_PROXY: use false, true/);
  });
});
