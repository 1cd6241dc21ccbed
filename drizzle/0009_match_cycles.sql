CREATE TABLE "match_cycles" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"person_id" integer NOT NULL,
	"year" integer NOT NULL,
	"specialties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"programmes_applied" integer NOT NULL,
	"interviews" integer NOT NULL,
	"rank_list_submitted" boolean NOT NULL,
	"outcome" text NOT NULL,
	"amount_spent" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_cycles_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "match_cycles_person_year_idx" ON "match_cycles" USING btree ("person_id","year");