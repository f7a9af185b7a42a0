-- The audit log (issue 8): who signed in, read, exported, changed settings or devices, when, from which
-- device. Changes to records are audited by `mutations` itself (every push, applied or rejected, with its
-- device), so the hot path writes no second row; GET /api/audit shows both together.
-- `detail` holds codes and counts only, never personal data. Append-only: a trigger refuses UPDATE and
-- DELETE (a retention job that must remove old rows drops the trigger knowingly, in its own migration).
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users (id),
  device_id uuid REFERENCES devices (id),
  action text NOT NULL,
  entity text,
  record_id uuid,
  detail jsonb
);
CREATE INDEX audit_log_municipality_at ON audit_log (municipality_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE INDEX mutations_municipality_received ON mutations (municipality_id, received_at);
