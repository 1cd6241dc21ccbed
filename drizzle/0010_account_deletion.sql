ALTER TABLE "people" ADD COLUMN "deletion_token_hash" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_deletion_token_hash_unique" UNIQUE("deletion_token_hash");