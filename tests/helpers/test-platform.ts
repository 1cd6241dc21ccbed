// A whole platform for integration tests: a fresh database, pg-boss, the mail worker
// delivering to a real in-process SMTP server, and a clock the test controls.
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseHandle } from "~/db/client.server";
import { deliverEmailWorker } from "~/domains/email/deliver-outbox-message.server";
import { seedStarterContent } from "~/domains/site/seed-starter-content.server";
import { createLogger } from "~/platform/logger";
import { createMailTransport } from "~/platform/mail-transport.server";
import { startQueue } from "~/platform/queue.server";
import type { QueueRuntime } from "~/platform/queue.server";
import type { Services } from "~/platform/services";
import { jobSpecs } from "~/server/platform";
import { startSmtpSink } from "./smtp-sink";
import type { SmtpSink } from "./smtp-sink";
import type { Engine } from "./test-db";

export type TestPlatform = {
  handle: DatabaseHandle;
  services: Services;
  queue: QueueRuntime;
  sink: SmtpSink;
  /** Moves the test clock. */
  setNow(date: Date): void;
  close(): Promise<void>;
};

export async function startTestPlatform(engine: Engine, options: { now?: Date } = {}): Promise<TestPlatform> {
  const handle = await engine.open();
  await seedStarterContent(handle.db);
  const log = createLogger("silent");
  let now = options.now ?? new Date();
  const clock = () => now;
  const sink = await startSmtpSink();
  const transport = createMailTransport(sink.url);
  const queue = await startQueue(handle, jobSpecs, log, { supervise: false, schedule: false });
  await queue.work([deliverEmailWorker({ db: handle.db, transport, log, clock })], { pollingIntervalSeconds: 0.5 });
  const services: Services = {
    db: handle.db,
    jobs: queue,
    clock,
    log,
    appUrl: "http://amg.test",
    secretKey: randomBytes(32),
    uploadDir: path.join(tmpdir(), `amg-uploads-${randomBytes(6).toString("hex")}`),
  };
  return {
    handle,
    services,
    queue,
    sink,
    setNow(date) {
      now = date;
    },
    async close() {
      await queue.stop();
      transport?.close();
      await sink.close();
      await handle.close();
    },
  };
}
