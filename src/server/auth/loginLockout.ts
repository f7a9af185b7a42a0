import { createHash } from 'node:crypto';
import type { Sql } from '../store/store.ts';

/**
 * Account lockout after wrong passwords, kept in the database so it holds across restarts and server
 * instances. The first FREE_FAILURES in a row cost nothing; each one after that locks the username for
 * a delay that doubles (1, 2, 4, 8 minutes) up to MAX_LOCK_MINUTES. A successful sign-in clears it.
 * Unknown usernames are counted the same way, so the lock says nothing about who exists.
 */
export const FREE_FAILURES = 5;
export const MAX_LOCK_MINUTES = 15;

function key(username: string): string {
  return createHash('sha256').update(username.trim().toLowerCase()).digest('hex');
}

/** Seconds until the username may try again, or 0 when it is not locked. */
export async function lockedForSeconds(sql: Sql, username: string): Promise<number> {
  const [row] = await sql.query<{ seconds: number | string }>(
    `SELECT ceil(extract(epoch FROM locked_until - now())) AS seconds
       FROM login_failures WHERE username_hash = $1 AND locked_until > now()`,
    [key(username)],
  );
  return row ? Math.max(1, Number(row.seconds)) : 0;
}

/** Counts a wrong password; returns the seconds of the lock it starts (0: none yet). */
export async function recordFailure(sql: Sql, username: string): Promise<number> {
  const [row] = await sql.query<{ failures: number }>(
    `INSERT INTO login_failures (username_hash, failures) VALUES ($1, 1)
     ON CONFLICT (username_hash) DO UPDATE SET failures = login_failures.failures + 1
     RETURNING failures`,
    [key(username)],
  );
  const over = (row?.failures ?? 0) - FREE_FAILURES;
  if (over < 0) return 0;
  const minutes = Math.min(MAX_LOCK_MINUTES, 2 ** Math.min(over, 8));
  await sql.query(
    `UPDATE login_failures SET locked_until = now() + make_interval(mins => $2) WHERE username_hash = $1`,
    [key(username), minutes],
  );
  return minutes * 60;
}

export async function clearFailures(sql: Sql, username: string): Promise<void> {
  await sql.query('DELETE FROM login_failures WHERE username_hash = $1', [key(username)]);
}

/** Which of these usernames are locked now (the administrator's users list), in one query. */
export async function lockedUsernames(sql: Sql, usernames: readonly string[]): Promise<Set<string>> {
  if (!usernames.length) return new Set();
  const byKey = new Map(usernames.map((u) => [key(u), u]));
  const rows = await sql.query<{ username_hash: string }>(
    'SELECT username_hash FROM login_failures WHERE username_hash = ANY($1::text[]) AND locked_until > now()',
    [[...byKey.keys()]],
  );
  return new Set(rows.map((r) => byKey.get(r.username_hash) ?? ''));
}
