import { uuidv7 } from '../domain/uuidv7.ts';
import { MIN_PASSWORD_LENGTH, type Role } from '../protocol/auth.ts';
import type { UserField } from '../protocol/users.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Sql } from './store/store.ts';

/** A refused account change; `field` names the input at fault, when one is. */
export class AccountError extends Error {
  constructor(
    message: string,
    readonly field?: UserField,
  ) {
    super(message);
  }
}

/** The username is someone's already (usernames are unique across municipalities: sign-in takes no municipality). */
export class UsernameTakenError extends AccountError {
  constructor(username: string) {
    super(`The username "${username}" is taken.`, 'username');
  }
}

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

/**
 * The reception centre a user of `role` keeps: only a `mottak` user has one (at most 200 characters);
 * with `required`, a `mottak` user must have one (the app's users screen; the CLI asks for it itself).
 */
export function receptionCentreFor(
  role: Role,
  centre: string | null | undefined,
  { required }: { required: boolean },
): string | null {
  const clean = centre?.trim() || null;
  if (clean !== null && role !== 'mottak') {
    throw new AccountError('Only a mottak user has a reception centre.', 'receptionCentre');
  }
  if (clean !== null && clean.length > 200) {
    throw new AccountError('A reception centre’s name is at most 200 characters.', 'receptionCentre');
  }
  if (clean === null && required && role === 'mottak') {
    throw new AccountError('A mottak user needs a reception centre, named as in the NIR lists.', 'receptionCentre');
  }
  return clean;
}

/** Adds an account; with `requireCentre`, a `mottak` user without a reception centre is refused. */
export async function addUser(
  sql: Sql,
  user: NewUser,
  { requireCentre = false }: { requireCentre?: boolean } = {},
): Promise<{ id: string }> {
  const username = user.username.trim();
  if (!/^[A-Za-z0-9._@-]{2,100}$/.test(username)) {
    throw new AccountError('A username is 2–100 letters, digits or . _ @ - (no spaces).', 'username');
  }
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, 'password');
  }
  const centre = receptionCentreFor(user.role, user.receptionCentre, { required: requireCentre });
  const taken = await sql.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username]);
  if (taken.length) throw new UsernameTakenError(username);
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
