CREATE TABLE "network_person_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"name" text NOT NULL,
	"area" text NOT NULL,
	"ring" integer NOT NULL,
	"support" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"period" text NOT NULL,
	"provenance" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "network_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"person_id" uuid,
	"person_version" integer,
	"author_id" uuid,
	"kind" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"proposal" jsonb,
	"status" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"domain" text,
	"person_id" uuid,
	"provenance" text DEFAULT 'client' NOT NULL,
	"suggested_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "resources_one_link_check" CHECK ("resources"."domain" is null or "resources"."person_id" is null)
);
--> statement-breakpoint
ALTER TABLE "network_people" ADD COLUMN "period" text DEFAULT 'now' NOT NULL;--> statement-breakpoint
ALTER TABLE "network_person_revisions" ADD CONSTRAINT "network_person_revisions_person_id_network_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."network_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_person_revisions" ADD CONSTRAINT "network_person_revisions_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_person_revisions" ADD CONSTRAINT "network_person_revisions_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_comments" ADD CONSTRAINT "network_comments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_comments" ADD CONSTRAINT "network_comments_person_id_network_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."network_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_comments" ADD CONSTRAINT "network_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_person_id_network_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."network_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_suggested_by_id_users_id_fk" FOREIGN KEY ("suggested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_person_revisions_client_idx" ON "network_person_revisions" USING btree ("client_id","changed_at");--> statement-breakpoint
CREATE INDEX "network_comments_client_idx" ON "network_comments" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "resources_client_idx" ON "resources" USING btree ("client_id");