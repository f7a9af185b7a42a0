-- Purge and retention (issue 8, docs/retention.md). tablet_purge_days: a resident whose mapping is
-- complete and synced leaves the tablets this many days later. retention_days: the server erases the
-- resident's data this many days after the mapping was completed (`kartlegg retention run`).
ALTER TABLE municipalities
  ADD COLUMN tablet_purge_days integer NOT NULL DEFAULT 14 CHECK (tablet_purge_days BETWEEN 0 AND 365),
  ADD COLUMN retention_days integer NOT NULL DEFAULT 365 CHECK (retention_days BETWEEN 30 AND 3650);
