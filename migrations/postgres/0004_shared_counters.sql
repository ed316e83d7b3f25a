CREATE TABLE "shared_counters" (
	"scope" text NOT NULL,
	"key" "bytea" NOT NULL,
	"value" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "shared_counters_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE INDEX "shared_counters_updated_idx" ON "shared_counters" USING btree ("updated_at");