-- Provenance after what the data says (together area). Statements a client kept from a worker's
-- rewording suggestion name that worker.
UPDATE "statements" s SET "suggested_by_id" = c."author_id"
FROM "comments" c
WHERE c."kind" = 'suggestion' AND c."status" = 'accepted' AND c."target_kind" = 'statement'
  AND c."target_id" = s."id" AND s."provenance" = 'client_accepted_worker' AND s."suggested_by_id" IS NULL;--> statement-breakpoint
-- Cards a model reworded (source assistant_suggestion) that the client kept.
UPDATE "statements" s SET "provenance" = 'client_accepted_ai'
FROM "conversation_proposals" p
WHERE p."saved_id" = s."id" AND p."kind" = 'statement' AND p."draft"->>'source' = 'assistant_suggestion'
  AND s."provenance" = 'client_accepted_assistant';--> statement-breakpoint
-- Cards a worker or peer expert kept in together mode before it needed the client's own yes: say so.
UPDATE "statements" s SET "provenance" = 'client_accepted_worker', "suggested_by_id" = p."decided_by_id"
FROM "conversation_proposals" p
WHERE p."saved_id" = s."id" AND p."kind" = 'statement' AND p."decided_by_id" IS NOT NULL
  AND p."decided_by_id" <> p."client_id" AND s."provenance" IN ('client_accepted_assistant', 'client_accepted_ai');--> statement-breakpoint
UPDATE "network_people" n SET "provenance" = 'client_accepted_worker', "facilitator_id" = p."decided_by_id"
FROM "conversation_proposals" p
WHERE p."saved_id" = n."id" AND p."kind" = 'network_person' AND p."decided_by_id" IS NOT NULL AND p."decided_by_id" <> p."client_id";--> statement-breakpoint
UPDATE "goals" g SET "provenance" = 'client_accepted_worker', "facilitator_id" = p."decided_by_id"
FROM "conversation_proposals" p
WHERE p."saved_id" = g."id" AND p."kind" = 'goal' AND p."decided_by_id" IS NOT NULL AND p."decided_by_id" <> p."client_id";--> statement-breakpoint
UPDATE "goal_actions" a SET "provenance" = 'client_accepted_worker', "facilitator_id" = p."decided_by_id"
FROM "conversation_proposals" p
WHERE p."saved_id" = a."id" AND p."kind" = 'action' AND p."decided_by_id" IS NOT NULL AND p."decided_by_id" <> p."client_id";--> statement-breakpoint
-- The first revision of each statement carries the same origin, so the history tells it too.
UPDATE "statement_revisions" r SET "provenance" = s."provenance", "suggested_by_id" = s."suggested_by_id"
FROM "statements" s
WHERE r."statement_id" = s."id" AND r."action" = 'create' AND r."version" = 1 AND s."version" = 1;
