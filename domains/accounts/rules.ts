// Pure decisions of the accounts context: who may do what, how long sessions and links live.
import type { Role } from "./accounts.schema";

/** Sign-in links (and their codes) live 15 minutes and work once. */
export const signInValidMinutes = 15;
export const maxCodeAttempts = 5;

/**
 * Sessions end after a period without use (idle) and, whatever the use, at an absolute limit.
 * Staff and admins, who can see personal data, get a shorter idle time.
 */
export function sessionLimits(roles: readonly Role[]): { idleMs: number; absoluteMs: number } {
  const hour = 3_600_000;
  const isPrivileged = roles.includes("staff") || roles.includes("admin");
  return { idleMs: isPrivileged ? 12 * hour : 7 * 24 * hour, absoluteMs: 30 * 24 * hour };
}

export function isSessionLive(s: { lastSeenAt: Date; expiresAt: Date; endedAt: Date | null }, roles: readonly Role[], now: Date): boolean {
  if (s.endedAt || s.expiresAt <= now) return false;
  return now.getTime() - s.lastSeenAt.getTime() < sessionLimits(roles).idleMs;
}

/** Admins can do everything staff can. */
export function hasRole(held: readonly Role[], required: Role): boolean {
  return held.includes(required) || (required === "staff" && held.includes("admin"));
}

/** "Last seen" is written at most this often, so reading a page rarely writes. */
export const touchEveryMs = 5 * 60_000;
