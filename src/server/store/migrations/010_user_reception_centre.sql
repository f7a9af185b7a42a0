-- A `mottak` user (a reception-centre contact) sees the weekly list of one centre only (issue 8,
-- docs/security.md). The centre is named as the NIR lists name it, the text residents carry in their
-- `receptionCentre` field; it is compared case and surrounding spaces ignored (src/domain/planning/records.ts,
-- centreKey). NULL for every other role, and for a mottak user not yet given a centre (who sees nothing).
ALTER TABLE users ADD COLUMN reception_centre text CHECK (reception_centre IS NULL OR role = 'mottak');
