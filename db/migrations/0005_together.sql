ALTER TABLE "statement_revisions" ADD COLUMN "suggested_by_id" uuid;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "suggested_by_id" uuid;--> statement-breakpoint
ALTER TABLE "conversation_proposals" ADD COLUMN "answered_by_id" uuid;--> statement-breakpoint
ALTER TABLE "conversation_proposals" ADD COLUMN "suggested" jsonb;--> statement-breakpoint
ALTER TABLE "conversation_proposals" ADD COLUMN "suggested_by_id" uuid;--> statement-breakpoint
ALTER TABLE "conversation_proposals" ADD COLUMN "suggested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "client_alone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "statement_revisions" ADD CONSTRAINT "statement_revisions_suggested_by_id_users_id_fk" FOREIGN KEY ("suggested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_suggested_by_id_users_id_fk" FOREIGN KEY ("suggested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_proposals" ADD CONSTRAINT "conversation_proposals_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_proposals" ADD CONSTRAINT "conversation_proposals_suggested_by_id_users_id_fk" FOREIGN KEY ("suggested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;