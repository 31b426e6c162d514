CREATE TABLE "access_log_chain" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "ip_address" text;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "access_log_seq_idx" ON "access_log" USING btree ("seq");