CREATE TABLE "alert_link_codes" (
	"code_hash" "bytea" PRIMARY KEY NOT NULL,
	"reviewer_id" text NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_outbox" (
	"reviewer_id" text NOT NULL,
	"channel" text NOT NULL,
	"due_at" bigint NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "alert_outbox_reviewer_id_channel_pk" PRIMARY KEY("reviewer_id","channel")
);
--> statement-breakpoint
CREATE TABLE "reviewer_alerts" (
	"reviewer_id" text PRIMARY KEY NOT NULL,
	"language" text NOT NULL,
	"email_sealed" "bytea",
	"telegram_sealed" "bytea",
	"last_alert_at" bigint
);
--> statement-breakpoint
CREATE TABLE "search_segments" (
	"id" text PRIMARY KEY NOT NULL,
	"desk_id" text NOT NULL,
	"desk_key_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"sealed" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waiting_danger_tips" (
	"id" text PRIMARY KEY NOT NULL,
	"sealed" "bytea" NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "desks" ADD COLUMN "check_back" text;--> statement-breakpoint
ALTER TABLE "alert_link_codes" ADD CONSTRAINT "alert_link_codes_reviewer_id_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_outbox" ADD CONSTRAINT "alert_outbox_reviewer_id_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_alerts" ADD CONSTRAINT "reviewer_alerts_reviewer_id_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_segments" ADD CONSTRAINT "search_segments_desk_id_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_segments" ADD CONSTRAINT "search_segments_desk_key_id_desk_keys_id_fk" FOREIGN KEY ("desk_key_id") REFERENCES "public"."desk_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_outbox_due_idx" ON "alert_outbox" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "search_segments_desk_idx" ON "search_segments" USING btree ("desk_id","sequence");