CREATE TABLE "goal_remarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "goal_actions" ADD COLUMN "how" text;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD COLUMN "who_kind" text;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD COLUMN "who_person_id" uuid;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD COLUMN "moved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD COLUMN "dropped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "wish" text;--> statement-breakpoint
ALTER TABLE "goal_remarks" ADD CONSTRAINT "goal_remarks_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_remarks" ADD CONSTRAINT "goal_remarks_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_remarks_client_idx" ON "goal_remarks" USING btree ("client_id","goal_id","created_at");--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_who_person_id_network_people_id_fk" FOREIGN KEY ("who_person_id") REFERENCES "public"."network_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_due_on_check" CHECK ("goal_actions"."due_on" is null or "goal_actions"."due_on" between '2000-01-01' and '2199-12-31');--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_done_or_dropped" CHECK ("goal_actions"."done_at" is null or "goal_actions"."dropped_at" is null);