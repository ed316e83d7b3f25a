CREATE TABLE "attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"tip_id" text NOT NULL,
	"ciphertext" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"sequence" integer PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text,
	"detail" text,
	"previous_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"desk_id" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"recovery_grant" "bytea" NOT NULL,
	"created_at" bigint NOT NULL,
	"retired_at" bigint
);
--> statement-breakpoint
CREATE TABLE "desks" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"recovery_public_key" "bytea" NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "desks_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"desk_key_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"sealed_desk_key" "bytea" NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "grants_desk_key_id_reviewer_id_pk" PRIMARY KEY("desk_key_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "inboxes" (
	"lookup_id" "bytea" PRIMARY KEY NOT NULL,
	"tip_id" text NOT NULL,
	"reply_public_key" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"role" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"reviewer_id" text,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"tip_id" text NOT NULL,
	"kind" text NOT NULL,
	"author_id" text,
	"desk_key_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"sequence" integer NOT NULL,
	"for_desk" "bytea" NOT NULL,
	"for_tipster" "bytea"
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviewers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"wrapped_secret_key" "bytea" NOT NULL,
	"kdf_salt" "bytea" NOT NULL,
	"kdf_params" text NOT NULL,
	"verifier" "bytea" NOT NULL,
	"created_at" bigint NOT NULL,
	"revoked_at" bigint,
	"totp_sealed" "bytea",
	"totp_last_step" bigint,
	CONSTRAINT "reviewers_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "tips" (
	"id" text PRIMARY KEY NOT NULL,
	"desk_id" text NOT NULL,
	"desk_key_id" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assignee_id" text,
	"received_at" bigint NOT NULL,
	"envelope" "bytea" NOT NULL,
	"triage" "bytea"
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_keys" ADD CONSTRAINT "desk_keys_desk_id_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_desk_key_id_desk_keys_id_fk" FOREIGN KEY ("desk_key_id") REFERENCES "public"."desk_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_reviewer_id_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inboxes" ADD CONSTRAINT "inboxes_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_reviewers_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_reviewer_id_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_reviewers_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_desk_key_id_desk_keys_id_fk" FOREIGN KEY ("desk_key_id") REFERENCES "public"."desk_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_desk_id_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_desk_key_id_desk_keys_id_fk" FOREIGN KEY ("desk_key_id") REFERENCES "public"."desk_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_assignee_id_reviewers_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_tip_idx" ON "attachments" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "desk_keys_desk_idx" ON "desk_keys" USING btree ("desk_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_tip_idx" ON "messages" USING btree ("tip_id","sequence");--> statement-breakpoint
CREATE INDEX "tips_received_idx" ON "tips" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "tips_assignee_order_idx" ON "tips" USING btree ("assignee_id","received_at","id");--> statement-breakpoint
CREATE INDEX "tips_channel_order_idx" ON "tips" USING btree ("channel","received_at","id");--> statement-breakpoint
CREATE INDEX "tips_status_order_idx" ON "tips" USING btree ("status","received_at","id");--> statement-breakpoint
CREATE INDEX "tips_desk_order_idx" ON "tips" USING btree ("desk_id","received_at","id");