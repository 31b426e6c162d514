-- The access log's hash chain (NEN 7513: an auditor must be able to see that nothing was removed).
-- Every row carries `prev_hash` (the hash of the row before) and `hash` = SHA-256 over prev_hash and
-- a canonical form of the row's own fields. The verifier (db/src/access-log-chain.ts) computes the
-- same in JavaScript, independently of these functions, so a replaced function is caught too.
--
-- Canonical form, field by field in this order: seq, id, at, actor_id, actor_role, on_behalf_of,
-- client_id, action, scope, resource, outcome, basis, via, via_id, ip_address, user_agent. Each field
-- as text (`at` in UTC as YYYY-MM-DDTHH:MI:SS.ffffffZ), written as `<bytes>:<text>;`, or `-;` when
-- null. The length prefix makes the form unambiguous whatever a field holds.
-- hash = hex(sha256(utf8(prev_hash || ';' || fields))).
CREATE FUNCTION "access_log_field"(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN v IS NULL THEN '-;' ELSE octet_length(v)::text || ':' || v || ';' END
$$;--> statement-breakpoint
CREATE FUNCTION "access_log_row_hash"(r "access_log") RETURNS text LANGUAGE sql STABLE
SET search_path = pg_catalog, public, pg_temp AS $$
	SELECT encode(sha256(convert_to(
		r.prev_hash || ';'
		|| access_log_field(r.seq::text)
		|| access_log_field(r.id::text)
		|| access_log_field(to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
		|| access_log_field(r.actor_id::text)
		|| access_log_field(r.actor_role)
		|| access_log_field(r.on_behalf_of::text)
		|| access_log_field(r.client_id::text)
		|| access_log_field(r.action)
		|| access_log_field(r.scope)
		|| access_log_field(r.resource)
		|| access_log_field(r.outcome)
		|| access_log_field(r.basis)
		|| access_log_field(r.via)
		|| access_log_field(r.via_id)
		|| access_log_field(r.ip_address)
		|| access_log_field(r.user_agent),
	'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Links each new row to the chain. The head row is locked (FOR UPDATE) until the inserting
-- transaction ends, so concurrent writers, in one process or many, line up and the chain never
-- forks; a writer in a REPEATABLE READ transaction that lost the race gets a serialisation error
-- instead of a fork. Whatever the INSERT said for seq, prev_hash and hash is overwritten.
-- SECURITY DEFINER: it runs with its owner's rights, so the application role needs no right to
-- write the head row. The `zz_` name makes it the last BEFORE INSERT trigger (they fire in name
-- order), so no later trigger can change a row after it was hashed.
CREATE FUNCTION "access_log_chain_link"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	head_seq bigint;
	head_hash text;
BEGIN
	SELECT seq, hash INTO head_seq, head_hash FROM access_log_chain WHERE id = 1 FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'access_log_chain has no head row: the log_sql migration did not run' USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	NEW.seq := head_seq + 1;
	NEW.prev_hash := head_hash;
	NEW.hash := access_log_row_hash(NEW);
	UPDATE access_log_chain SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
	RETURN NEW;
END;
$$;--> statement-breakpoint
-- Rows already in the log (a database from before the chain) are numbered and hashed in the order
-- they were written; the append-only trigger is set aside for this one transaction only.
INSERT INTO "access_log_chain" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64));--> statement-breakpoint
ALTER TABLE "access_log" DISABLE TRIGGER "access_log_no_update_delete";--> statement-breakpoint
DO $$
DECLARE
	r record;
	head_seq bigint := 0;
	head_hash text := repeat('0', 64);
BEGIN
	FOR r IN SELECT id FROM access_log ORDER BY at, id LOOP
		head_seq := head_seq + 1;
		UPDATE access_log SET seq = head_seq, prev_hash = head_hash WHERE id = r.id;
		SELECT access_log_row_hash(l) INTO head_hash FROM access_log l WHERE l.id = r.id;
		UPDATE access_log SET hash = head_hash WHERE id = r.id;
	END LOOP;
	UPDATE access_log_chain SET seq = head_seq, hash = head_hash WHERE id = 1;
END;
$$;--> statement-breakpoint
ALTER TABLE "access_log" ENABLE TRIGGER "access_log_no_update_delete";--> statement-breakpoint
CREATE TRIGGER "zz_access_log_chain_link" BEFORE INSERT ON "access_log" FOR EACH ROW EXECUTE FUNCTION "access_log_chain_link"();--> statement-breakpoint
-- The head row is the chain's memory of its own end: it may only move forward, by the trigger.
CREATE TRIGGER "access_log_chain_no_delete" BEFORE DELETE ON "access_log_chain" FOR EACH ROW EXECUTE FUNCTION "access_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "access_log_chain_no_truncate" BEFORE TRUNCATE ON "access_log_chain" FOR EACH STATEMENT EXECUTE FUNCTION "access_log_append_only"();
