-- The database refuses an area, a period or a kind the code does not know, even if a caller forgets to check.
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_area_check" CHECK ("area" IN ('family', 'friends', 'school_work_club', 'professionals'));--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_period_check" CHECK ("period" IN ('now', 'past'));--> statement-breakpoint
ALTER TABLE "network_person_revisions" ADD CONSTRAINT "network_person_revisions_ring_check" CHECK ("ring" BETWEEN 1 AND 3);--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_kind_check" CHECK ("kind" IN ('socio_economic', 'social_cohesion', 'social_inclusion', 'social_empowerment'));--> statement-breakpoint
-- The history starts with what the map knew: every person the assistant put on it, as it stands now,
-- dated when it was made (and a removal when it was removed).
INSERT INTO "network_person_revisions" ("person_id", "client_id", "version", "action", "name", "area", "ring", "support", "note", "period", "provenance", "changed_at", "changed_by_id")
SELECT "id", "client_id", "version", 'create', "name", "area", "ring", "support", "note", "period", "provenance", "created_at", "client_id" FROM "network_people";--> statement-breakpoint
INSERT INTO "network_person_revisions" ("person_id", "client_id", "version", "action", "name", "area", "ring", "support", "note", "period", "provenance", "changed_at", "changed_by_id")
SELECT "id", "client_id", "version" + 1, 'delete', "name", "area", "ring", "support", "note", "period", "provenance", "deleted_at", "client_id" FROM "network_people" WHERE "deleted_at" IS NOT NULL;
