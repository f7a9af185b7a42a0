-- The tablets' own events in the audit log (issue 8): exports, prints, opened mappings, unlocks. A
-- tablet makes each event's id (UUIDv7) and sends it until acknowledged: the unique index makes a
-- retried send store nothing twice (INSERT … ON CONFLICT (event_id) DO NOTHING), whichever device
-- token carries it. Server-side rows have no event id (NULLs never clash). `device_at` is the
-- tablet's clock, for display: `at` (arrival) orders the log. Adding nullable columns rewrites no
-- row, so the append-only trigger is not involved.
ALTER TABLE audit_log
  ADD COLUMN event_id uuid,
  ADD COLUMN device_at timestamptz;
CREATE UNIQUE INDEX audit_log_event_id ON audit_log (event_id);
