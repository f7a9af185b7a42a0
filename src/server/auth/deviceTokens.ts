import { createHash } from 'node:crypto';
import type { Sql } from '../store/store.ts';
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
}

/** The live (not revoked) device a token belongs to, or null. */
export async function findDeviceByToken(sql: Sql, token: string): Promise<DeviceContext | null> {
  const rows = await sql.query<{ id: string; user_id: string; municipality_id: string; role: Role }>(
    `UPDATE devices d SET last_seen_at = now()
       FROM users u
      WHERE d.token_hash = $1 AND d.revoked_at IS NULL AND u.id = d.user_id
      RETURNING d.id, d.user_id, d.municipality_id, u.role`,
    [hashToken(token)],
  );
  const row = rows[0];
  return row ? { deviceId: row.id, userId: row.user_id, municipalityId: row.municipality_id, role: row.role } : null;
}
