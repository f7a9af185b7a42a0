import { uuidv7 } from '../domain/uuidv7.ts';
import { MIN_PASSWORD_LENGTH, type Role } from '../protocol/auth.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Sql } from './store/store.ts';

export class AccountError extends Error {}

export interface Municipality {
  id: string;
  name: string;
}

export async function addMunicipality(sql: Sql, name: string): Promise<Municipality> {
  const clean = name.trim();
  if (!clean) throw new AccountError('A municipality needs a name.');
  const existing = await sql.query('SELECT 1 FROM municipalities WHERE lower(name) = lower($1)', [clean]);
  if (existing.length) throw new AccountError(`A municipality named "${clean}" already exists.`);
  const id = uuidv7();
  await sql.query('INSERT INTO municipalities (id, name) VALUES ($1, $2)', [id, clean]);
  return { id, name: clean };
}

/** Finds a municipality by id or by (case-insensitive) name. */
export async function findMunicipality(sql: Sql, idOrName: string): Promise<Municipality | null> {
  const rows = await sql.query<Municipality>(
    `SELECT id, name FROM municipalities WHERE id::text = $1 OR lower(name) = lower($1)`,
    [idOrName.trim()],
  );
  return rows[0] ?? null;
}

/** findMunicipality, for a command: no such municipality is an AccountError naming what was asked. */
export async function requireMunicipality(sql: Sql, idOrName: string): Promise<Municipality> {
  const found = await findMunicipality(sql, idOrName);
  if (!found) throw new AccountError(`No municipality with id or name "${idOrName}".`);
  return found;
}

export interface NewUser {
  municipalityId: string;
  username: string;
  name?: string | undefined;
  password: string;
  role: Role;
  mustChangePassword?: boolean;
  /** Only for `mottak`: the reception centre whose weekly list the user sees, as the NIR lists name it. */
  receptionCentre?: string | undefined;
}

export async function addUser(sql: Sql, user: NewUser): Promise<{ id: string }> {
  const username = user.username.trim();
  if (!/^[A-Za-z0-9._@-]{2,100}$/.test(username)) {
    throw new AccountError('A username is 2–100 letters, digits or . _ @ - (no spaces).');
  }
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const centre = user.receptionCentre?.trim() || null;
  if (centre !== null && user.role !== 'mottak') throw new AccountError('Only a mottak user has a reception centre.');
  if (centre !== null && centre.length > 200)
    throw new AccountError('A reception centre’s name is at most 200 characters.');
  const taken = await sql.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username]);
  if (taken.length) throw new AccountError(`The username "${username}" is taken.`);
  const id = uuidv7();
  await sql.query(
    `INSERT INTO users (id, municipality_id, username, name, role, password_hash, must_change_password, reception_centre)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      user.municipalityId,
      username,
      user.name?.trim() || username,
      user.role,
      await hashPassword(user.password),
      user.mustChangePassword ?? false,
      centre,
    ],
  );
  return { id };
}
