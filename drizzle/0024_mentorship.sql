CREATE TABLE "held_mentor_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"details" jsonb NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "held_mentor_applications_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "mentee_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"person_id" integer NOT NULL,
	"name" text NOT NULL,
	"goals" text NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target_specialties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferred_states" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language" text DEFAULT 'English' NOT NULL,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"practice_settings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"avoid_mentor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"waiting_since" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentee_requests_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE TABLE "mentors" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"person_id" integer NOT NULL,
	"name" text NOT NULL,
	"specialty" text NOT NULL,
	"board_certified" boolean NOT NULL,
	"licence_states" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"practice_setting" text NOT NULL,
	"years_in_practice" integer NOT NULL,
	"selection_committee" boolean NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" integer NOT NULL,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'awaiting-approval' NOT NULL,
	"paused_by_staff" boolean DEFAULT false NOT NULL,
	"paused_by_self" boolean DEFAULT false NOT NULL,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentors_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "mentors_person_id_unique" UNIQUE("person_id")
);
--> statement-breakpoint
CREATE TABLE "mentorship_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"mentorship_id" integer NOT NULL,
	"side" text NOT NULL,
	"stage" text NOT NULL,
	"rating" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorship_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"mentorship_id" integer NOT NULL,
	"author_person_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"shared" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorship_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"request_id" integer NOT NULL,
	"mentor_id" integer NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorship_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"objective" text DEFAULT 'score' NOT NULL,
	"weights" jsonb NOT NULL,
	"waiting" integer NOT NULL,
	"open_places" integer NOT NULL,
	"candidate_pairs" integer NOT NULL,
	"exact_total" integer NOT NULL,
	"exact_matched" integer NOT NULL,
	"greedy_total" integer NOT NULL,
	"greedy_matched" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "mentorship_rounds_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE TABLE "mentorship_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"respond_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorships" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"request_id" integer NOT NULL,
	"mentor_id" integer NOT NULL,
	"mentee_person_id" integer NOT NULL,
	"round_id" integer,
	"score" integer,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'introduced' NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"decline_reason" text,
	"goals" text DEFAULT '' NOT NULL,
	"rhythm" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"accepted_at" timestamp with time zone,
	"last_meeting_on" date,
	"nudged_at" timestamp with time zone,
	"feedback_asked_at" timestamp with time zone,
	"end_feedback_asked_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"end_reason" text,
	"rematch_requested" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentorships_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
ALTER TABLE "mentee_requests" ADD CONSTRAINT "mentee_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_feedback" ADD CONSTRAINT "mentorship_feedback_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_meetings" ADD CONSTRAINT "mentorship_meetings_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_meetings" ADD CONSTRAINT "mentorship_meetings_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_proposals" ADD CONSTRAINT "mentorship_proposals_round_id_mentorship_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."mentorship_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_proposals" ADD CONSTRAINT "mentorship_proposals_request_id_mentee_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mentee_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_proposals" ADD CONSTRAINT "mentorship_proposals_mentor_id_mentors_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_rounds" ADD CONSTRAINT "mentorship_rounds_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_rounds" ADD CONSTRAINT "mentorship_rounds_confirmed_by_people_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_request_id_mentee_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mentee_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentor_id_mentors_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentee_person_id_people_id_fk" FOREIGN KEY ("mentee_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_round_id_mentorship_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."mentorship_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentee_requests_status_idx" ON "mentee_requests" USING btree ("status","waiting_since");--> statement-breakpoint
CREATE UNIQUE INDEX "mentee_requests_one_open_idx" ON "mentee_requests" USING btree ("person_id") WHERE status in ('waiting', 'introduced');--> statement-breakpoint
CREATE INDEX "mentors_status_idx" ON "mentors" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_feedback_one_idx" ON "mentorship_feedback" USING btree ("mentorship_id","side","stage");--> statement-breakpoint
CREATE INDEX "mentorship_meetings_mentorship_idx" ON "mentorship_meetings" USING btree ("mentorship_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_proposals_round_request_idx" ON "mentorship_proposals" USING btree ("round_id","request_id");--> statement-breakpoint
CREATE INDEX "mentorships_status_idx" ON "mentorships" USING btree ("status");--> statement-breakpoint
CREATE INDEX "mentorships_mentor_idx" ON "mentorships" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentorships_mentee_idx" ON "mentorships" USING btree ("mentee_person_id");