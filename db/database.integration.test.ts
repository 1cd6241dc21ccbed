import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { seedStarterContent } from "~/domains/site/seed-starter-content.server";
import { contentChangedChannel } from "~/domains/site/content-changed.server";
import { getSiteSettings, listFigures } from "~/domains/site/queries.server";
import { updateSiteSettings } from "~/domains/site/update-site-settings.server";
import { AppError } from "~/platform/errors";
import { testEngines } from "~/tests/helpers/test-db";
import { migrateDatabase, openDatabase } from "./client.server";
import { DataDirBusyError } from "./data-dir-lock";
import { figures } from "./schema/index";

describe.each(testEngines())("database on $name", (engine) => {
  it("migrates, seeds the starter content once, and keeps staff edits on a second seed", async () => {
    const handle = await engine.open();
    try {
      await migrateDatabase(handle); // running the migrations again changes nothing
      expect(await seedStarterContent(handle.db)).toEqual({ seeded: true });
      const seeded = await listFigures(handle.db);
      expect(seeded.map((f) => f.slug)).toContain("unmatched-graduates");
      expect(seeded.find((f) => f.slug === "shortage-areas")).toMatchObject({ amgFigure: "33,000", officialFigure: expect.stringContaining("13,364") });

      await handle.db.delete(figures);
      expect(await seedStarterContent(handle.db)).toEqual({ seeded: false });
      const [{ n }] = await handle.db.select({ n: count() }).from(figures);
      expect(n).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it("announces a settings change to every listener, so each process drops its cached pages", async () => {
    const handle = await engine.open();
    const other = engine.name === "postgres" ? handle : null; // on a server, a second connection listens like another process
    try {
      await seedStarterContent(handle.db);
      const heard: string[] = [];
      const stop = await (other ?? handle).listen(contentChangedChannel, (payload) => heard.push(payload));
      const { officeHours } = await getSiteSettings(handle.db);
      await updateSiteSettings({ db: handle.db, clock: () => new Date(), input: { officeHours: { ...officeHours, zoneLabel: "EST" } } });
      await expect.poll(() => heard).toEqual(["settings"]);
      expect((await getSiteSettings(handle.db)).officeHours.zoneLabel).toBe("EST");
      await stop();
    } finally {
      await handle.close();
    }
  });

  it("rejects invalid settings with the field that is wrong, and keeps the saved ones", async () => {
    const handle = await engine.open();
    try {
      await seedStarterContent(handle.db);
      const { officeHours } = await getSiteSettings(handle.db);
      const bad = { ...officeHours, timeZone: "Mars/Olympus", weekly: { ...officeHours.weekly, monday: { opens: "17:00", closes: "09:00" } } };
      const error = await updateSiteSettings({ db: handle.db, clock: () => new Date(), input: { officeHours: bad } }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors).toMatchObject({ timeZone: "Please enter a time zone like America/New_York.", "weekly.monday": "The closing time must be after the opening time." });
      expect((await getSiteSettings(handle.db)).officeHours.timeZone).toBe("America/New_York");
    } finally {
      await handle.close();
    }
  });
});

describe("embedded database folder", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "amg-db-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps data across restarts and refuses a second opener while the first holds it", async () => {
    const first = await openDatabase({ kind: "pglite", dataDir });
    await migrateDatabase(first);
    await seedStarterContent(first.db);
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toBeInstanceOf(DataDirBusyError);
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(/in use by another AMG process/);
    await first.close();

    const again = await openDatabase({ kind: "pglite", dataDir });
    try {
      await migrateDatabase(again);
      expect(await seedStarterContent(again.db)).toEqual({ seeded: false });
      expect((await listFigures(again.db)).length).toBeGreaterThan(3);
    } finally {
      await again.close();
    }
  });
});
