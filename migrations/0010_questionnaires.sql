CREATE TABLE `questionnaires` (
	`id` text PRIMARY KEY NOT NULL,
	`desk_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`desk_id`) REFERENCES `desks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaires_desk_version_idx` ON `questionnaires` (`desk_id`,`version`);