-- An administrator deactivates an account from the app's users screen instead of deleting it: the
-- audit log and the mutations keep pointing at the user. A deactivated user cannot sign in, and their
-- device tokens are refused (src/server/auth/deviceTokens.ts; deactivating also revokes them, so
-- reactivating revives none). NULL: active.
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
