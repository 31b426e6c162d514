CREATE TABLE "bridge_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"pillar" text NOT NULL,
	"step" integer NOT NULL,
	"next_step" integer,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bridge_placements_step_check" CHECK ("bridge_placements"."step" between 1 and 5 and ("bridge_placements"."next_step" is null or "bridge_placements"."next_step" between 1 and 5)),
	CONSTRAINT "bridge_placements_version_check" CHECK ("bridge_placements"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "money_pages" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"income" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fixed_costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"debts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"helpers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "money_pages_version_check" CHECK ("money_pages"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "bridge_placements" ADD CONSTRAINT "bridge_placements_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_pages" ADD CONSTRAINT "money_pages_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bridge_placements_client_idx" ON "bridge_placements" USING btree ("client_id","pillar","placed_at");