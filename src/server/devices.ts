import type { DeviceSummary } from '../protocol/devices.ts';
import type { Sql } from './store/store.ts';

interface DeviceRow {
  id: string;
  label: string | null;
  user_name: string;
  username: string;
  created_at: Date | string;
  last_seen_at: Date | string | null;
  revoked_at: Date | string | null;
  wipe_requested_at: Date | string | null;
  wiped_at: Date | string | null;
}

const iso = (t: Date | string | null) => (t === null ? null : new Date(t).toISOString());

/** The municipality's devices (every sign-in enrols one), newest first, for the administrator. */
export async function listDevices(sql: Sql, municipalityId: string): Promise<DeviceSummary[]> {
  const rows = await sql.query<DeviceRow>(
    `SELECT d.id, d.label, u.name AS user_name, u.username, d.created_at, d.last_seen_at, d.revoked_at,
            d.wipe_requested_at, d.wiped_at
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE d.municipality_id = $1
      ORDER BY d.created_at DESC, d.id`,
    [municipalityId],
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    user: { name: r.user_name, username: r.username },
    createdAt: iso(r.created_at) ?? '',
    lastSeenAt: iso(r.last_seen_at),
    revokedAt: iso(r.revoked_at),
    wipeRequestedAt: iso(r.wipe_requested_at),
    wipedAt: iso(r.wiped_at),
  }));
}

/**
 * Revokes a device of this municipality (a lost tablet): its token is refused from the next request.
 * Returns false when the municipality has no such device (another municipality's looks the same).
 */
export async function revokeDevice(sql: Sql, municipalityId: string, deviceId: string): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, now())
      WHERE id = $1 AND municipality_id = $2 RETURNING id`,
    [deviceId, municipalityId],
  );
  return rows.length > 0;
}

/**
 * Orders a device emptied: at its next contact it deletes its local data and confirms (markWiped).
 * Only a live device can be ordered (a revoked one cannot call in any more).
 */
export async function requestWipe(sql: Sql, municipalityId: string, deviceId: string): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE devices SET wipe_requested_at = coalesce(wipe_requested_at, now())
      WHERE id = $1 AND municipality_id = $2 AND revoked_at IS NULL RETURNING id`,
    [deviceId, municipalityId],
  );
  return rows.length > 0;
}

/** The device says it deleted its data: recorded, and its token revoked. */
export async function markWiped(sql: Sql, deviceId: string): Promise<void> {
  await sql.query(
    `UPDATE devices SET wiped_at = now(), revoked_at = coalesce(revoked_at, now())
      WHERE id = $1 AND wipe_requested_at IS NOT NULL`,
    [deviceId],
  );
}
