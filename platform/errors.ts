// The one error type of the platform: a closed set of codes, each with its HTTP status. A use case
// throws it for what the caller cannot carry on from (no such record, not allowed, a conflict, invalid
// input it was handed, a limit, a service down); expected outcomes are returned instead. The web app
// turns it into a response in one place: appErrorResponse in app/form-data.ts.
export const errorStatus = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  VALIDATION: 400,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
    /** RATE_LIMITED: how long to wait, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

/** Flattens zod issues to one message per field (the first), for display beside that field. */
export function toFieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
