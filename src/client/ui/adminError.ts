/** What an administrator's call that failed tells the user: offline, or refused, or anything else. */
export function adminError(err: unknown): 'offline' | 'forbidden' | 'failed' {
  const { status } = err as { status?: number };
  if (status === 0) return 'offline';
  if (status === 401 || status === 403) return 'forbidden';
  return 'failed';
}
