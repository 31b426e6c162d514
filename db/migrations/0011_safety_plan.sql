CREATE TABLE "safety_plans" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"warning_signs" text[] DEFAULT '{}'::text[] NOT NULL,
	"self_help" text[] DEFAULT '{}'::text[] NOT NULL,
	"people" text[] DEFAULT '{}'::text[] NOT NULL,
	"places" text[] DEFAULT '{}'::text[] NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"professionals" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "safety_plans_lines_check" CHECK (cardinality("safety_plans"."warning_signs") <= 12 and cardinality("safety_plans"."self_help") <= 12 and cardinality("safety_plans"."people") <= 12 and cardinality("safety_plans"."places") <= 12 and cardinality("safety_plans"."reasons") <= 12 and cardinality("safety_plans"."professionals") <= 12)
);
--> statement-breakpoint
ALTER TABLE "safety_plans" ADD CONSTRAINT "safety_plans_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;