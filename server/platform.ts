// The composition root: opens the database, migrates, seeds, starts the job queue and (where
// this process runs them) the workers. Used by the web server, `npm run worker` and the CLI.
import { migrateDatabase, openDatabase } from "~/db/client.server";
import type { DatabaseHandle } from "~/db/client.server";
import { accountsJobSpecs } from "~/domains/accounts/job-specs";
import { accountsWorkers } from "~/domains/accounts/jobs.server";
import { advocacyJobSpecs } from "~/domains/advocacy/job-specs";
import { advocacyWorkers } from "~/domains/advocacy/jobs.server";
import { deliverEmailWorker } from "~/domains/email/deliver-outbox-message.server";
import { emailJobSpecs } from "~/domains/email/job-specs";
import { newsletterWorkers } from "~/domains/email/newsletters/jobs.server";
import { ensurePersonWithRole } from "~/domains/accounts/people.server";
import { secureSecondFactorSecrets } from "~/domains/accounts/second-factor.server";
import { ensureReferenceData, shippedReferenceFiles } from "~/domains/advocacy/legislators/load-reference-data.server";
import { seedStarterCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { seedStatePathways } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { membershipJobSpecs } from "~/domains/membership/job-specs";
import { membershipWorkers } from "~/domains/membership/jobs.server";
import { mentorshipJobSpecs } from "~/domains/mentorship/job-specs";
import { mentorshipWorkers } from "~/domains/mentorship/jobs.server";
import { seedStarterContent } from "~/domains/site/seed-starter-content.server";
import { publishingJobSpecs } from "~/domains/publishing/job-specs";
import { publishingWorkers } from "~/domains/publishing/jobs.server";
import { publishDuePosts } from "~/domains/publishing/publish-due-posts.server";
import { seedStarterPosts } from "~/domains/publishing/seed-starter-posts.server";
import type { Config } from "~/platform/env";
import type { Logger } from "~/platform/logger";
import { createMailTransport } from "~/platform/mail-transport.server";
import type { MailTransport } from "~/platform/mail-transport.server";
import { pruneRateLimitsJob } from "~/platform/job-specs";
import { resolveSecretKey } from "~/platform/secret-key.server";
import { startQueue } from "~/platform/queue.server";
import { pruneRateLimits } from "~/platform/rate-limit.server";
import type { QueueRuntime } from "~/platform/queue.server";
import type { Services } from "~/platform/services";

export const jobSpecs = [...emailJobSpecs, ...accountsJobSpecs, ...advocacyJobSpecs, ...membershipJobSpecs, ...publishingJobSpecs, ...mentorshipJobSpecs, pruneRateLimitsJob];

export type Platform = {
  handle: DatabaseHandle;
  queue: QueueRuntime;
  transport: MailTransport | null;
  services: Services;
  close(): Promise<void>;
};

export async function openPlatformDatabase(config: Config, log: Logger): Promise<DatabaseHandle> {
  const handle = config.databaseUrl ? await openDatabase({ kind: "postgres", connectionString: config.databaseUrl }) : await openDatabase({ kind: "pglite", dataDir: config.dataDir });
  await migrateDatabase(handle);
  log.debug("database ready", { kind: handle.kind });
  return handle;
}

export async function startPlatform(config: Config, log: Logger, options: { runWorkers: boolean; clock?: () => Date }): Promise<Platform> {
  const handle = await openPlatformDatabase(config, log);
  try {
    const { seeded } = await seedStarterContent(handle.db);
    if (seeded) log.info("starter content seeded");
    if (await ensureReferenceData(handle.db, shippedReferenceFiles(config.referenceDataDir))) log.info("legislator reference data loaded");
    const campaignsSeeded = await seedStarterCampaigns(handle.db);
    if (campaignsSeeded) log.info("starter campaigns seeded", { count: campaignsSeeded });
    if (await seedStatePathways(handle.db)) log.info("state law tracker seeded");
    const posts = await seedStarterPosts(handle.db);
    if (posts.seeded) log.info("starter posts seeded", { count: posts.seeded });
    if (config.adminEmail) {
      const { granted } = await ensurePersonWithRole(handle.db, config.adminEmail, "admin", null);
      if (granted) log.info("admin role given", { email: config.adminEmail });
    }
    const secretKey = resolveSecretKey(config, log);
    const secrets = await secureSecondFactorSecrets({ db: handle.db, secretKey });
    if (secrets.encrypted) log.info("authenticator secrets encrypted", { count: secrets.encrypted });
    if (secrets.unreadable) {
      log.error("some authenticator secrets do not open with this key (SECRET_KEY changed, or the key file lost): those people can sign in only with a recovery code", { count: secrets.unreadable });
    }
    const queue = await startQueue(handle, jobSpecs, log);
    const clock = options.clock ?? (() => new Date());
    const transport = createMailTransport(config.smtpUrl);
    // Newsletters go out through a pool of their own: the transactional pool above stays free.
    const bulkTransport = options.runWorkers ? createMailTransport(config.smtpUrl, { maxConnections: 5, bulk: true }) : null;
    if (options.runWorkers) {
      const deps = { db: handle.db, log, clock };
      await queue.work([
        deliverEmailWorker({ ...deps, transport }),
        ...accountsWorkers(deps),
        ...advocacyWorkers({ ...deps, jobs: queue, appUrl: config.appUrl, mailFrom: config.mailFrom, secretKey }),
        ...membershipWorkers(deps),
        ...publishingWorkers(deps),
        ...newsletterWorkers({ ...deps, jobs: queue, transport: bulkTransport, appUrl: config.appUrl, mailFrom: config.mailFrom, secretKey }),
        ...mentorshipWorkers({ ...deps, jobs: queue, appUrl: config.appUrl, mailFrom: config.mailFrom, secretKey, uploadDir: config.uploadDir }),
        { spec: pruneRateLimitsJob, handle: () => pruneRateLimits(handle.db, clock()) },
      ]);
    }
    // The sweep runs once at every start too: a post whose time came while no process ran goes out now.
    const due = await publishDuePosts(handle.db, clock());
    if (due.published.length) log.info("scheduled posts published at start", { posts: due.published });
    const services: Services = {
      db: handle.db,
      jobs: queue,
      clock,
      log,
      appUrl: config.appUrl,
      mailFrom: config.mailFrom,
      mailWebhookSecret: config.mailWebhookSecret,
      secretKey,
      chromiumPath: config.chromiumPath,
      uploadDir: config.uploadDir,
    };
    return {
      handle,
      queue,
      transport,
      services,
      async close() {
        await queue.stop();
        transport?.close();
        bulkTransport?.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}
