-- Remote wipe (issue 8): an administrator orders a lost tablet emptied; the tablet does it at its next
-- contact and confirms, which also revokes its token.
ALTER TABLE devices ADD COLUMN wipe_requested_at timestamptz;
ALTER TABLE devices ADD COLUMN wiped_at timestamptz;
