import type { Role } from '../protocol/auth.ts';
import type { UserSummary, UserUpdate } from '../protocol/users.ts';
import { receptionCentreFor } from './accounts.ts';
import { clearFailures, lockedUsernames } from './auth/loginLockout.ts';
import { hashPassword, randomSecret } from './auth/passwords.ts';
import type { Sql, Store } from './store/store.ts';

interface UserRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  reception_centre: string | null;
  must_change_password: boolean;
  deactivated: boolean;
}

const COLUMNS = `id, username, name, role, reception_centre, must_change_password,
                 deactivated_at IS NOT NULL AS deactivated`;

async function summaries(sql: Sql, rows: UserRow[]): Promise<UserSummary[]> {
  const locked = await lockedUsernames(
    sql,
    rows.map((r) => r.username),
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role,
    receptionCentre: r.reception_centre,
    mustChangePassword: r.must_change_password,
    lockedOut: locked.has(r.username),
    deactivated: r.deactivated,
  }));
}

/** The municipality's accounts, by name, for its administrator: no password hashes. */
export async function listUsers(sql: Sql, municipalityId: string): Promise<UserSummary[]> {
  const rows = await sql.query<UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE municipality_id = $1 ORDER BY lower(name), lower(username)`,
    [municipalityId],
  );
  return summaries(sql, rows);
}

/** An administrator may not lock themself out of administering (a municipality keeps its admin). */
export class OwnAccountError extends Error {}

export interface UserChange {
  user: UserSummary;
  /** The names of what changed (for the audit log): never the values. */
  fields: string[];
  temporaryPassword?: string;
}

/**
 * Applies an administrator's change to one account of the municipality, in one transaction.
 * Null when the municipality has no such user (another municipality's looks the same).
 * Deactivating also revokes the user's devices, so their tokens are refused at once and a later
 * reactivation revives none of them.
 */
export async function updateUser(
  store: Store,
  actor: { municipalityId: string; userId: string },
  userId: string,
  update: UserUpdate,
): Promise<UserChange | null> {
  if (userId === actor.userId && (update.deactivated === true || (update.role && update.role !== 'admin'))) {
    throw new OwnAccountError('You cannot deactivate your own account or take away your own administrator role.');
  }
  return store.transaction(async (tx) => {
    const [current] = await tx.query<UserRow>(
      `SELECT ${COLUMNS} FROM users WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
      [userId, actor.municipalityId],
    );
    if (!current) return null;
    const role = update.role ?? current.role;
    // A role other than mottak drops the centre by itself; a mottak user keeps theirs unless given another.
    const kept = role === 'mottak' ? current.reception_centre : null;
    const centre = receptionCentreFor(role, update.receptionCentre !== undefined ? update.receptionCentre : kept, {
      required: true,
    });
    const temporaryPassword = update.resetPassword ? randomSecret(12) : undefined;
    await tx.query(
      `UPDATE users SET name = $2, role = $3, reception_centre = $4,
              password_hash = coalesce($5, password_hash),
              must_change_password = must_change_password OR $5 IS NOT NULL,
              deactivated_at = CASE WHEN NOT $6::boolean THEN NULL ELSE coalesce(deactivated_at, now()) END
        WHERE id = $1`,
      [
        userId,
        update.name ?? current.name,
        role,
        centre,
        temporaryPassword === undefined ? null : await hashPassword(temporaryPassword),
        update.deactivated ?? current.deactivated,
      ],
    );
    if (update.deactivated) {
      await tx.query('UPDATE devices SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
    }
    if (update.clearLockout) await clearFailures(tx, current.username);
    const [after] = await tx.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [userId]);
    const [user] = await summaries(tx, after ? [after] : []);
    if (!user) return null;
    const fields = [
      ...(update.name !== undefined && update.name !== current.name ? ['name'] : []),
      ...(role !== current.role ? ['role'] : []),
      ...(centre !== current.reception_centre ? ['receptionCentre'] : []),
      ...(temporaryPassword ? ['password'] : []),
      ...(update.clearLockout ? ['lockout'] : []),
      ...(user.deactivated !== current.deactivated ? ['deactivated'] : []),
    ];
    return { user, fields, ...(temporaryPassword ? { temporaryPassword } : {}) };
  });
}
