CREATE TABLE "questionnaires" (
	"id" text PRIMARY KEY NOT NULL,
	"desk_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_desk_id_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_desk_version_idx" ON "questionnaires" USING btree ("desk_id","version");