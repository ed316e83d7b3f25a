CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`tip_id` text NOT NULL,
	`kind` text NOT NULL,
	`author_id` text,
	`desk_key_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`sequence` integer NOT NULL,
	`for_desk` blob NOT NULL,
	`for_tipster` blob,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`desk_key_id`) REFERENCES `desk_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_tip_idx` ON `messages` (`tip_id`,`sequence`);