// Random single-use tokens: the link carries the token, the database keeps only its hash.
import { createHash, randomBytes } from "node:crypto";

export const newToken = (bytes = 24) => randomBytes(bytes).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
export const newPublicId = () => randomBytes(9).toString("base64url");
