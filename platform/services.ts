// What every use case receives: the database, the job queue, the clock and the little
// configuration it needs. Built once at boot (platform/runtime.server.ts) or by a test.
import type { Database } from "~/db/client.server";
import type { JobQueue } from "./queue.server";
import type { Logger } from "./logger";

export type Services = {
  db: Database;
  jobs: JobQueue;
  clock: () => Date;
  log: Logger;
  appUrl: string;
  /** From address of outgoing mail; when unset, the organisation's name and e-mail. */
  mailFrom?: string;
  /** Shared secret of the bounce/complaint webhook (MAIL_WEBHOOK_SECRET); unset → the webhook is off. */
  mailWebhookSecret?: string;
  /** The platform's master key (SECRET_KEY or the data folder's key file): encrypts and signs; never leaves the server. */
  secretKey: Buffer;
  /** The Chromium that prints PDFs (CHROMIUM_PATH; unset in tests that print nothing). */
  chromiumPath?: string;
  /** Where uploaded images are kept (UPLOAD_DIR). */
  uploadDir: string;
};
