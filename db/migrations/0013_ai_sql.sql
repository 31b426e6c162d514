-- The disclosure record and the AI-help history are append-only, like the access log: a trigger
-- refuses UPDATE, DELETE and TRUNCATE (the application role also holds only
-- INSERT and SELECT on them, see db/src/roles.ts).
CREATE FUNCTION "ai_record_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "ai_disclosures_no_update_delete" BEFORE UPDATE OR DELETE ON "ai_disclosures" FOR EACH ROW EXECUTE FUNCTION "ai_record_append_only"();--> statement-breakpoint
CREATE TRIGGER "ai_disclosures_no_truncate" BEFORE TRUNCATE ON "ai_disclosures" FOR EACH STATEMENT EXECUTE FUNCTION "ai_record_append_only"();--> statement-breakpoint
CREATE TRIGGER "ai_help_changes_no_update_delete" BEFORE UPDATE OR DELETE ON "ai_help_changes" FOR EACH ROW EXECUTE FUNCTION "ai_record_append_only"();--> statement-breakpoint
CREATE TRIGGER "ai_help_changes_no_truncate" BEFORE TRUNCATE ON "ai_help_changes" FOR EACH STATEMENT EXECUTE FUNCTION "ai_record_append_only"();--> statement-breakpoint
-- The history starts with what client_settings knew: a client with AI help on now turned it on then.
INSERT INTO "ai_help_changes" ("at", "client_id", "enabled", "actor_id")
SELECT "ai_help_enabled_at", "client_id", 'on', "client_id" FROM "client_settings" WHERE "ai_help_enabled_at" IS NOT NULL;
