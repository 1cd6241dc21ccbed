// The small reference-data fixture (tests/fixtures/reference-data/, cut from data/ and frozen):
// a dozen ZIPs, the members of Congress and a few state legislators who represent them, in the
// formats of data/. Tests and test servers load it instead of the shipped files, so a reload of
// data/ changes none of their expectations and a server starts without loading 50,000 rows.
import { fileURLToPath } from "node:url";
import { shippedReferenceFiles } from "~/domains/advocacy/legislators/load-reference-data.server";
import type { ReferenceFiles } from "~/domains/advocacy/legislators/load-reference-data.server";

export const referenceFixtureDir = fileURLToPath(new URL("../fixtures/reference-data", import.meta.url));

export const fixtureReferenceFiles = (): ReferenceFiles => shippedReferenceFiles(referenceFixtureDir);
