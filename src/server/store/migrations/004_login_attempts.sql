-- Failed sign-ins per username (issue 8: lockout). Keyed by a SHA-256 of the lower-cased username,
-- so a locked name behaves the same whether or not the user exists (no probing of usernames), and a
-- password typed into the username field is not stored readable.
CREATE TABLE login_failures (
  username_hash text PRIMARY KEY,
  failures integer NOT NULL,
  locked_until timestamptz
);
