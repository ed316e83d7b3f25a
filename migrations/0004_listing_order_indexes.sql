DROP INDEX `tips_assignee_idx`;--> statement-breakpoint
DROP INDEX `tips_channel_idx`;--> statement-breakpoint
DROP INDEX `tips_status_idx`;--> statement-breakpoint
DROP INDEX `tips_desk_idx`;--> statement-breakpoint
CREATE INDEX `tips_assignee_order_idx` ON `tips` (`assignee_id`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `tips_channel_order_idx` ON `tips` (`channel`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `tips_status_order_idx` ON `tips` (`status`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `tips_desk_order_idx` ON `tips` (`desk_id`,`received_at`,`id`);