CREATE TABLE `audit_log` (
	`sequence` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject` text,
	`detail` text,
	`previous_hash` blob NOT NULL,
	`hash` blob NOT NULL
);
