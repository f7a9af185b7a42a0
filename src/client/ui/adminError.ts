import { session } from './state/session.svelte.ts';

export type AdminFailure = 'offline' | 'forbidden' | 'failed';

/** What an administrator's call that failed tells the user: offline, or refused, or anything else. */
export function adminError(err: unknown): AdminFailure {
  const { status } = err as { status?: number };
  if (status === 0) return 'offline';
  if (status === 401 || status === 403) return 'forbidden';
  return 'failed';
}

/**
 * Runs an administrator's call with the signed-in token: its result, or null when it failed (after
 * `failed` was told why, with the error for a screen that shows more) or nobody is signed in.
 */
export async function adminCall<T>(
  call: (token: string) => Promise<T>,
  failed: (why: AdminFailure, err: unknown) => void,
): Promise<{ value: T } | null> {
  const token = session.current?.token;
  if (!token) return null;
  try {
    return { value: await call(token) };
  } catch (err) {
    failed(adminError(err), err);
    return null;
  }
}
