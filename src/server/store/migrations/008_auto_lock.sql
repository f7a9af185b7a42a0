-- Encryption on the tablet (issue 8, docs/security.md): the app locks itself (the data key leaves
-- memory, the PIN opens it again) after this many idle minutes.
ALTER TABLE municipalities
  ADD COLUMN auto_lock_minutes integer NOT NULL DEFAULT 5 CHECK (auto_lock_minutes BETWEEN 1 AND 60);
