CREATE TABLE "evidence_datasets" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"csv" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "figures" ADD COLUMN "source_url" text;--> statement-breakpoint
ALTER TABLE "figures" ADD COLUMN "checked_on" text;--> statement-breakpoint
CREATE INDEX "evidence_datasets_name_idx" ON "evidence_datasets" USING btree ("name","id");
--> statement-breakpoint
-- Research notes seeded as "verdict" become the sentence readers see (only where staff have not edited them).
UPDATE "figures" SET "verdict" = 'No agency publishes a single count of graduates left without a residency. The NRMP''s yearly tables show roughly 13,000 to 15,500 applicants every year who did not match, withdrew or never submitted a rank list; AMG''s total adds those years up, so someone who applied in several years is counted in each of them.', "source_url" = 'https://www.nrmp.org/match-data/' WHERE "slug" = 'unmatched-graduates' AND "verdict" = 'AMG figure; method not published';
--> statement-breakpoint
UPDATE "figures" SET "verdict" = 'The official figures agree: the Match offered about 72 first-year positions for every 100 registered applicants in 2019 and again in 2021.', "source_url" = 'https://www.nrmp.org/match-data/' WHERE "slug" = 'positions-per-applicant' AND "verdict" = 'matches for 2019 and 2021 only: name the year';
--> statement-breakpoint
UPDATE "figures" SET "verdict" = 'The federal figure measures something narrower: the primary-care practitioners needed only to lift every shortage-area designation (13,364 in March 2025), not all the doctors those places lack. Either way, thousands of communities are short of doctors while trained graduates wait.', "source_url" = 'https://data.hrsa.gov/topics/health-workforce/shortage-areas' WHERE "slug" = 'shortage-areas' AND "verdict" = 'differs: show the official figure beside it';
--> statement-breakpoint
UPDATE "figures" SET "verdict" = 'Application fees are only part of the cost: ERAS fees alone come to about $3,800 to $3,900 for 150 programmes, before licensing exams, clinical rotations, interviews and travel. The chart of members'' own logged costs below shows what a cycle costs them in full.', "source_url" = 'https://students-residents.aamc.org/applying-residencies-eras' WHERE "slug" = 'cost-of-applying' AND "verdict" = 'plausible only with exams rotations travel';
--> statement-breakpoint
UPDATE "figures" SET "verdict" = 'The official data support it: counting those who registered but never submitted a rank list, 39.0% of US-citizen international graduates matched in 2016 and 41.5% in 2018. The NRMP counts permanent residents with non-citizens, so no separate rate is published for them.', "source_url" = 'https://www.nrmp.org/match-data/' WHERE "slug" = 'us-img-match-rate' AND "verdict" = 'supported for US-citizen IMGs; LPRs are counted with non-US IMGs by NRMP';
--> statement-breakpoint
UPDATE "figures" SET "verdict" = 'The bill''s text confirms it: 2,000 more Medicare-supported residency positions in each of seven fiscal years, 2026 to 2032.', "source_url" = 'https://www.congress.gov/bill/119th-congress/house-bill/3890', "official_source" = 'Bill text of H.R. 3890, Resident Physician Shortage Reduction Act of 2025' WHERE "slug" = 'new-positions-in-bill' AND "verdict" = 'confirmed';
--> statement-breakpoint
-- Hand-written: the evidence pages count by place (state, district) over large tables.
CREATE INDEX IF NOT EXISTS "campaign_actions_place_idx" ON "campaign_actions" USING btree ("state","district","campaign_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "applications_statistics_state_idx" ON "applications" USING btree ("state") WHERE "status" = 'approved' AND "consent_statistics";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "applications_districts_idx" ON "applications" USING gin ("districts");
