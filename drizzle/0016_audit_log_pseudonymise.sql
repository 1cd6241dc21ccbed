-- The audit log stays append-only, with one exception: when an account is deleted, its e-mail
-- address is replaced by a pseudonym wherever an entry holds it (actor, subject, details), and
-- nothing else of the entry changes. The application asks for it inside its transaction by
-- setting `amg.pseudonymise_email` and `amg.pseudonym`; the trigger allows the UPDATE only when
-- the address no longer belongs to an account, the pseudonym is one of ours, and the new row is
-- exactly the old row with the address replaced. Every other UPDATE, every DELETE and TRUNCATE
-- are refused as before.
CREATE OR REPLACE FUNCTION audit_log_pseudonymised(value text, email text, pseudonym text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(value, regexp_replace(email, '([^[:alnum:]])', '\\\1', 'g'), pseudonym, 'gi')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
DECLARE
  v_email text;
  v_pseudonym text;
  expected audit_log;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    v_email := lower(nullif(current_setting('amg.pseudonymise_email', true), ''));
    v_pseudonym := nullif(current_setting('amg.pseudonym', true), '');
    IF v_email ~ '^[^@[:space:]]+@[^@[:space:]]+$'
       AND v_pseudonym ~ '^deleted-[0-9a-f]{12}$'
       AND NOT EXISTS (SELECT 1 FROM people WHERE people.email = v_email) THEN
      expected := OLD;
      expected.actor_email := audit_log_pseudonymised(OLD.actor_email, v_email, v_pseudonym);
      expected.subject_id := audit_log_pseudonymised(OLD.subject_id, v_email, v_pseudonym);
      expected.details := audit_log_pseudonymised(OLD.details::text, v_email, v_pseudonym)::jsonb;
      IF NEW IS NOT DISTINCT FROM expected THEN
        RETURN NEW;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;
