CREATE TABLE "pending_campaign_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"campaign_id" integer NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"street" text NOT NULL,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"zip" text NOT NULL,
	"district" text,
	"story" text DEFAULT '' NOT NULL,
	"story_hash" text,
	"letters" jsonb NOT NULL,
	"ip" text,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pending_campaign_actions_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "pending_campaign_actions_confirm_token_hash_unique" UNIQUE("confirm_token_hash")
);
--> statement-breakpoint
CREATE TABLE "pending_application_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"input" jsonb NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pending_application_changes_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "pending_changes" jsonb;--> statement-breakpoint
ALTER TABLE "pending_campaign_actions" ADD CONSTRAINT "pending_campaign_actions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_campaign_actions_email_idx" ON "pending_campaign_actions" USING btree ("email");--> statement-breakpoint
CREATE INDEX "pending_application_changes_email_idx" ON "pending_application_changes" USING btree ("email");