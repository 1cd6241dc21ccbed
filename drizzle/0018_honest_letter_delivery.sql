ALTER TABLE "action_messages" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "action_messages" ADD COLUMN "reported_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_messages" ADD COLUMN "reported_via" text;--> statement-breakpoint
ALTER TABLE "campaign_actions" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "supporter_letter_subject" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "campaign_actions_remind_idx" ON "campaign_actions" USING btree ("updated_at") WHERE "campaign_actions"."reminded_at" is null;--> statement-breakpoint
-- Actions written before the reminder existed are never reminded (it would not be "a day later").
UPDATE "campaign_actions" SET "reminded_at" = "updated_at";
