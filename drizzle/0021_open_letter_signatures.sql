CREATE TABLE "subscription_consents" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_ref" text DEFAULT '' NOT NULL,
	"consent_text" text NOT NULL,
	"ip" text,
	"consented_at" timestamp with time zone NOT NULL,
	"awaiting_ref" text,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open_letter_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"recipient" text NOT NULL,
	"delivered_on" date NOT NULL,
	"method" text NOT NULL,
	"signature_count" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "city" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "open_letter_deliveries" ADD CONSTRAINT "open_letter_deliveries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_consents_email_idx" ON "subscription_consents" USING btree ("email");--> statement-breakpoint
CREATE INDEX "subscription_consents_awaiting_idx" ON "subscription_consents" USING btree ("awaiting_ref");--> statement-breakpoint
CREATE INDEX "open_letter_deliveries_campaign_idx" ON "open_letter_deliveries" USING btree ("campaign_id","delivered_on");--> statement-breakpoint
CREATE INDEX "signatures_campaign_created_idx" ON "signatures" USING btree ("campaign_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "signatures_search_trgm_idx" ON "signatures" USING gin (("name" || ' ' || "email" || ' ' || "city" || ' ' || "zip") gin_trgm_ops);