CREATE TABLE "congress_members" (
	"bioguide" text PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"party" text NOT NULL,
	"state" text NOT NULL,
	"chamber" text NOT NULL,
	"district" integer,
	"state_rank" text,
	"phone" text,
	"url" text,
	"contact_form" text,
	"address" text,
	"term_end" text,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legislator_overrides" (
	"legislator_key" text PRIMARY KEY NOT NULL,
	"fields" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "state_legislators" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"chamber" text NOT NULL,
	"district" text NOT NULL,
	"party" text NOT NULL,
	"email" text,
	"capitol_phone" text,
	"district_phone" text,
	"website" text,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zip_districts" (
	"zcta" text NOT NULL,
	"state" text NOT NULL,
	"district" integer NOT NULL,
	CONSTRAINT "zip_districts_zcta_state_district_pk" PRIMARY KEY("zcta","state","district")
);
--> statement-breakpoint
CREATE INDEX "congress_members_state_idx" ON "congress_members" USING btree ("state","chamber","district");--> statement-breakpoint
CREATE INDEX "state_legislators_state_idx" ON "state_legislators" USING btree ("state","chamber","district");