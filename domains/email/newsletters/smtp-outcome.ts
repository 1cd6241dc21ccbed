// What an SMTP answer means for one recipient of a bulk send (pure, tested without a server).
// 2xx: sent. 4xx: try again later, with back-off. 5xx: this recipient failed; "mailbox does not
// exist" (5.1.1 and friends) also suppresses the address. A broken connection or a server refusing
// everyone is not the recipient's fault: the send pauses instead of burning through the list.

export type SmtpFailure = { code?: string; responseCode?: number; response?: string; message: string };

export type SendOutcome = { kind: "retry"; reason: string } | { kind: "failed"; reason: string; suppress: boolean } | { kind: "server-down"; reason: string };

const connectionCodes = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ETLS", "ECONNREFUSED", "ECONNRESET", "EPROTOCOL", "EMAXLIMIT"]);
const unknownMailbox = /\b5\.1\.(1|0|10)\b|user unknown|no such user|mailbox (is )?unavailable|does not exist|unknown recipient|recipient address rejected/i;

export function classifySmtpFailure(error: SmtpFailure): SendOutcome {
  const reason = (error.response ?? error.message).slice(0, 500);
  const status = error.responseCode;
  // 421 (service closing) and 554 at connection time refuse everyone, not this address.
  if (status === 421 || (status === undefined && error.code && connectionCodes.has(error.code))) return { kind: "server-down", reason };
  if (status === undefined) return { kind: "server-down", reason };
  if (status >= 400 && status < 500) return { kind: "retry", reason };
  if (status >= 500) return { kind: "failed", reason, suppress: unknownMailbox.test(reason) };
  return { kind: "retry", reason };
}

/** How long to wait before the next try of a temporary failure: 30 s, 2 min, 8 min, 32 min… (cap 2 h). */
export const retryDelaySeconds = (attempt: number) => Math.min(7200, 30 * 4 ** Math.max(0, attempt - 1));

/** After this many temporary failures a recipient is marked failed. */
export const maxAttempts = 6;

/** Consecutive server-down failures that pause a send. */
export const pauseAfterServerFailures = 3;
