ALTER TABLE "people" ADD COLUMN "email_link_hash" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "email_link_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_email_link_hash_unique" UNIQUE("email_link_hash");--> statement-breakpoint
-- Applying now creates the applicant's account: everyone who applied before gets theirs (no role: an applicant is not a member).
INSERT INTO "people" ("public_id", "email", "name")
SELECT substr(translate(encode(decode(md5(random()::text || "email"), 'hex'), 'base64'), '+/', '-_'), 1, 12), "email", "name" FROM "applications"
ON CONFLICT ("email") DO NOTHING;
