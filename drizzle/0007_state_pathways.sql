CREATE TABLE "state_pathways" (
	"state" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"law" text DEFAULT '' NOT NULL,
	"year" integer,
	"licence_title" text DEFAULT '' NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"practice_rules" text DEFAULT '' NOT NULL,
	"sources" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
