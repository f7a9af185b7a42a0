-- Municipality settings (docs/roster-import.md): the mapping deadline in calendar days after the
-- permit date. IMDi's guideline is 14; a municipality may choose its own (0–365).
ALTER TABLE municipalities
  ADD COLUMN deadline_days integer NOT NULL DEFAULT 14 CHECK (deadline_days BETWEEN 0 AND 365);
