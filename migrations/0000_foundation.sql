CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`tip_id` text NOT NULL,
	`ciphertext` blob NOT NULL,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attachments_tip_idx` ON `attachments` (`tip_id`);--> statement-breakpoint
CREATE TABLE `desk_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`desk_id` text NOT NULL,
	`public_key` blob NOT NULL,
	`recovery_grant` blob NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`desk_id`) REFERENCES `desks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `desk_keys_desk_idx` ON `desk_keys` (`desk_id`);--> statement-breakpoint
CREATE TABLE `desks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`recovery_public_key` blob NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `desks_name_unique` ON `desks` (`name`);--> statement-breakpoint
CREATE TABLE `grants` (
	`desk_key_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`sealed_desk_key` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`desk_key_id`, `reviewer_id`),
	FOREIGN KEY (`desk_key_id`) REFERENCES `desk_keys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inboxes` (
	`lookup_id` blob PRIMARY KEY NOT NULL,
	`tip_id` text NOT NULL,
	`reply_public_key` blob NOT NULL,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reviewers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`public_key` blob NOT NULL,
	`wrapped_secret_key` blob NOT NULL,
	`kdf_salt` blob NOT NULL,
	`kdf_params` text NOT NULL,
	`verifier` blob NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviewers_name_unique` ON `reviewers` (`name`);--> statement-breakpoint
CREATE TABLE `tips` (
	`id` text PRIMARY KEY NOT NULL,
	`desk_id` text NOT NULL,
	`desk_key_id` text NOT NULL,
	`channel` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`assignee_id` text,
	`received_at` integer NOT NULL,
	`envelope` blob NOT NULL,
	FOREIGN KEY (`desk_id`) REFERENCES `desks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`desk_key_id`) REFERENCES `desk_keys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `reviewers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tips_received_idx` ON `tips` (`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `tips_status_idx` ON `tips` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `tips_desk_idx` ON `tips` (`desk_id`,`received_at`);