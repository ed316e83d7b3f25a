CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` blob NOT NULL,
	`role` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`reviewer_id` text,
	FOREIGN KEY (`created_by`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
ALTER TABLE `reviewers` ADD `totp_sealed` blob;--> statement-breakpoint
ALTER TABLE `reviewers` ADD `totp_last_step` integer;--> statement-breakpoint
ALTER TABLE `tips` ADD `triage` blob;--> statement-breakpoint
CREATE INDEX `tips_assignee_idx` ON `tips` (`assignee_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `tips_channel_idx` ON `tips` (`channel`,`received_at`);