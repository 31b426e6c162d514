CREATE TABLE "ai_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"actor_id" uuid,
	"model_id" text NOT NULL,
	"placeholders" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"latency_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_help_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"enabled" text NOT NULL,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE INDEX "ai_disclosures_client_idx" ON "ai_disclosures" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "ai_help_changes_client_idx" ON "ai_help_changes" USING btree ("client_id","at");