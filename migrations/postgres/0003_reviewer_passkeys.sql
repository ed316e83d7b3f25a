CREATE TABLE "reviewer_passkeys" (
	"credential_id" text PRIMARY KEY NOT NULL,
	"reviewer_id" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"counter" bigint NOT NULL,
	"transports" text NOT NULL,
	"label" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint
);
--> statement-breakpoint
ALTER TABLE "reviewer_passkeys" ADD CONSTRAINT "reviewer_passkeys_reviewer_id_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reviewer_passkeys_reviewer_idx" ON "reviewer_passkeys" USING btree ("reviewer_id");