CREATE TABLE `alert_link_codes` (
	`code_hash` blob PRIMARY KEY NOT NULL,
	`reviewer_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`reviewer_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `alert_outbox` (
	`reviewer_id` text NOT NULL,
	`channel` text NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`reviewer_id`, `channel`),
	FOREIGN KEY (`reviewer_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_outbox_due_idx` ON `alert_outbox` (`due_at`);--> statement-breakpoint
CREATE TABLE `reviewer_alerts` (
	`reviewer_id` text PRIMARY KEY NOT NULL,
	`language` text NOT NULL,
	`email_sealed` blob,
	`telegram_sealed` blob,
	`last_alert_at` integer,
	FOREIGN KEY (`reviewer_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `waiting_danger_tips` (
	`id` text PRIMARY KEY NOT NULL,
	`sealed` blob NOT NULL,
	`escalated` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE `desks` ADD `check_back` text;