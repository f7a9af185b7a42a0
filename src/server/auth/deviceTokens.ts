import { createHash } from 'node:crypto';
import { prepared, type Sql } from '../store/store.ts';
import { randomSecret } from './passwords.ts';
import type { Role } from '../../protocol/auth.ts';

/**
 * Device tokens are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
 * Only the hash is stored; a stolen database cannot be replayed as a device.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newDeviceToken(): string {
  return randomSecret(32);
}

export interface DeviceContext {
  deviceId: string;
  userId: string;
  municipalityId: string;
  role: Role;
  /** An administrator ordered this device emptied: every route but the confirmation refuses it. */
  wipeRequested: boolean;
}

/**
 * Who a token belongs to, checked on every request (so a revocation takes effect at once), and
 * `last_seen_at`, which is only kept to the minute: the device row is written at most once a minute,
 * not on every request. A write is a commit, and a commit waits for the disk.
 * A statement whose update matches no row writes nothing and commits nothing.
 */
const FIND_DEVICE = prepared(
  'find_device_by_token',
  `WITH d AS (
     SELECT d.id, d.user_id, d.municipality_id, u.role, d.last_seen_at, d.wipe_requested_at IS NOT NULL AS wipe
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE d.token_hash = $1 AND d.revoked_at IS NULL AND u.deactivated_at IS NULL
   ),
   seen AS (
     UPDATE devices SET last_seen_at = now()
       FROM d
      WHERE devices.id = d.id AND (d.last_seen_at IS NULL OR d.last_seen_at < now() - interval '1 minute')
   )
   SELECT id, user_id, municipality_id, role, wipe FROM d`,
);

/** The live device a token belongs to (not revoked, its user not deactivated), or null. */
export async function findDeviceByToken(sql: Sql, token: string): Promise<DeviceContext | null> {
  const rows = await sql.query<{ id: string; user_id: string; municipality_id: string; role: Role; wipe: boolean }>(
    FIND_DEVICE,
    [hashToken(token)],
  );
  const row = rows[0];
  return row
    ? {
        deviceId: row.id,
        userId: row.user_id,
        municipalityId: row.municipality_id,
        role: row.role,
        wipeRequested: row.wipe,
      }
    : null;
}
