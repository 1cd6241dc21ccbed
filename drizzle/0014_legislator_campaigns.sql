CREATE TABLE "action_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"legislator_key" text NOT NULL,
	"target_name" text NOT NULL,
	"target_title" text NOT NULL,
	"target" text NOT NULL,
	"state" text NOT NULL,
	"district" text NOT NULL,
	"version" text NOT NULL,
	"subject" text NOT NULL,
	"organisation_statement" text NOT NULL,
	"constituent_message" text NOT NULL,
	"delivery" text NOT NULL,
	"recipient_email" text,
	"phone" text,
	"contact_url" text,
	"call_script" text,
	"outbox_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_actions" (
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
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_actions_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_supporters" (
	"campaign_id" integer NOT NULL,
	"legislator_key" text NOT NULL,
	"marked_by" text,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_supporters_campaign_id_legislator_key_pk" PRIMARY KEY("campaign_id","legislator_key")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "supporter_letter_markdown" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "letter_subject" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "organisation_statement" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "talking_points" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "phone_script" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "thank_you_markdown" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "targets" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "target_states" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "bill" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "uses_state_pathways" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "action_messages" ADD CONSTRAINT "action_messages_action_id_campaign_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."campaign_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_actions" ADD CONSTRAINT "campaign_actions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_supporters" ADD CONSTRAINT "campaign_supporters_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_messages_action_target_idx" ON "action_messages" USING btree ("action_id","legislator_key");--> statement-breakpoint
CREATE INDEX "action_messages_campaign_target_idx" ON "action_messages" USING btree ("campaign_id","legislator_key");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_actions_campaign_email_idx" ON "campaign_actions" USING btree ("campaign_id","email");--> statement-breakpoint
CREATE INDEX "campaign_actions_created_idx" ON "campaign_actions" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "campaign_actions_story_idx" ON "campaign_actions" USING btree ("campaign_id","story_hash");