// Encrypting small secrets at rest (AES-256-GCM, node:crypto) and deriving one key per purpose
// from the platform's SECRET_KEY (HKDF-SHA256), so the authenticator secrets and the known-device
// cookies never share a key. Does not own where the key comes from (platform/secret-key.server.ts).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

export type KeyPurpose = "second-factor-secrets" | "known-device-cookies" | "letter-pages" | "flash-cookies" | "mail-links";

/** A 32-byte key for one purpose, derived from the platform's master key. */
export function deriveKey(masterKey: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), `amg:${purpose}:v1`, 32));
}

const prefix = "v1.";

/** Whether a stored value is one of ours (rather than an older plain-text value). */
export const isSealed = (stored: string) => stored.startsWith(prefix);

/**
 * Encrypts `plaintext`; `context` (e.g. the row it belongs to) is authenticated, not stored, so a
 * sealed value copied into another row does not open there.
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${prefix}${iv.toString("base64url")}.${body.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}`;
}

/** Decrypts a value from `seal`; throws when the key, the context or the value is not the one sealed. */
export function open(key: Buffer, sealed: string, context: string): string {
  const [iv, body, tag] = sealed.slice(prefix.length).split(".");
  if (!isSealed(sealed) || !iv || body === undefined || !tag) throw new Error("not a sealed value");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** HMAC-SHA256 of `message`, base64url. */
export const sign = (key: Buffer, message: string) => createHmac("sha256", key).update(message).digest("base64url");

/** Compares a signature in constant time. */
export function hasValidSignature(key: Buffer, message: string, signature: string): boolean {
  const expected = Buffer.from(sign(key, message));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
