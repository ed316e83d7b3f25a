CREATE TABLE `search_segments` (
	`id` text PRIMARY KEY NOT NULL,
	`desk_id` text NOT NULL,
	`desk_key_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`sealed` blob NOT NULL,
	FOREIGN KEY (`desk_id`) REFERENCES `desks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`desk_key_id`) REFERENCES `desk_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `search_segments_desk_idx` ON `search_segments` (`desk_id`,`sequence`);