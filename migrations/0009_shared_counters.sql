CREATE TABLE `shared_counters` (
	`scope` text NOT NULL,
	`key` blob NOT NULL,
	`value` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `shared_counters_updated_idx` ON `shared_counters` (`updated_at`);