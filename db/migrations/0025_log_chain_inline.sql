-- The access log's chain link, the same chain for less work (issue 19, speed). The trigger computed
-- each row's hash by calling access_log_row_hash(NEW), a SQL function with its own search_path,
-- which PostgreSQL cannot inline: every insert ran it through the SQL-function executor, with its
-- sixteen access_log_field calls (about 0.3 of the trigger's 0.45–0.57 ms on the embedded database).
-- Here the same expression is written out in the trigger itself, so PL/pgSQL plans it once per
-- session and evaluates it directly. Nothing else changes: the same canonical form field by field
-- (0008_log_sql.sql; the verifier in db/src/access-log-chain.ts computes it on its own), the same
-- head row locked FOR UPDATE before the link, SECURITY DEFINER, the same trigger (zz_, last).
-- access_log_row_hash stays, for the backfill and for checks (db/src/access-log.attacks.test.ts
-- compares the two on every kind of field).
CREATE OR REPLACE FUNCTION "access_log_chain_link"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
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
	-- = access_log_row_hash(NEW), written out (keep the two the same).
	NEW.hash := encode(sha256(convert_to(
		NEW.prev_hash || ';'
		|| CASE WHEN NEW.seq::text IS NULL THEN '-;' ELSE octet_length(NEW.seq::text)::text || ':' || NEW.seq::text || ';' END
		|| CASE WHEN NEW.id::text IS NULL THEN '-;' ELSE octet_length(NEW.id::text)::text || ':' || NEW.id::text || ';' END
		|| CASE WHEN to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') IS NULL THEN '-;' ELSE octet_length(to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text || ':' || to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ';' END
		|| CASE WHEN NEW.actor_id::text IS NULL THEN '-;' ELSE octet_length(NEW.actor_id::text)::text || ':' || NEW.actor_id::text || ';' END
		|| CASE WHEN NEW.actor_role IS NULL THEN '-;' ELSE octet_length(NEW.actor_role)::text || ':' || NEW.actor_role || ';' END
		|| CASE WHEN NEW.on_behalf_of::text IS NULL THEN '-;' ELSE octet_length(NEW.on_behalf_of::text)::text || ':' || NEW.on_behalf_of::text || ';' END
		|| CASE WHEN NEW.client_id::text IS NULL THEN '-;' ELSE octet_length(NEW.client_id::text)::text || ':' || NEW.client_id::text || ';' END
		|| CASE WHEN NEW.action IS NULL THEN '-;' ELSE octet_length(NEW.action)::text || ':' || NEW.action || ';' END
		|| CASE WHEN NEW.scope IS NULL THEN '-;' ELSE octet_length(NEW.scope)::text || ':' || NEW.scope || ';' END
		|| CASE WHEN NEW.resource IS NULL THEN '-;' ELSE octet_length(NEW.resource)::text || ':' || NEW.resource || ';' END
		|| CASE WHEN NEW.outcome IS NULL THEN '-;' ELSE octet_length(NEW.outcome)::text || ':' || NEW.outcome || ';' END
		|| CASE WHEN NEW.basis IS NULL THEN '-;' ELSE octet_length(NEW.basis)::text || ':' || NEW.basis || ';' END
		|| CASE WHEN NEW.via IS NULL THEN '-;' ELSE octet_length(NEW.via)::text || ':' || NEW.via || ';' END
		|| CASE WHEN NEW.via_id IS NULL THEN '-;' ELSE octet_length(NEW.via_id)::text || ':' || NEW.via_id || ';' END
		|| CASE WHEN NEW.ip_address IS NULL THEN '-;' ELSE octet_length(NEW.ip_address)::text || ':' || NEW.ip_address || ';' END
		|| CASE WHEN NEW.user_agent IS NULL THEN '-;' ELSE octet_length(NEW.user_agent)::text || ':' || NEW.user_agent || ';' END,
	'UTF8')), 'hex');
	UPDATE access_log_chain SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
	RETURN NEW;
END;
$$;
