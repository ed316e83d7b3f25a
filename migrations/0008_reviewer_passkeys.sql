CREATE TABLE `reviewer_passkeys` (
	`credential_id` text PRIMARY KEY NOT NULL,
	`reviewer_id` text NOT NULL,
	`public_key` blob NOT NULL,
	`counter` integer NOT NULL,
	`transports` text NOT NULL,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`reviewer_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reviewer_passkeys_reviewer_idx` ON `reviewer_passkeys` (`reviewer_id`);