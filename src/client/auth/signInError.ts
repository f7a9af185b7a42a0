/** What a failed sign-in tells the user: a code their language has a sentence for, and any wait. */
export interface SignInErrorText {
  code: string;
  /** For a lockout or rate limit: whole minutes to wait (at least 1). */
  count: number;
}

const WAIT_CODES = ['locked', 'rate_limited'];

/**
 * Read by shape, not with `instanceof ApiRequestError`: importing that class would put zod on the
 * sign-in page's critical path. A code the screen has no sentence for becomes 'unknown'.
 */
export function signInErrorText(err: unknown, known: readonly string[]): SignInErrorText {
  const { code = 'unknown', retryAfter } = err as { code?: string; retryAfter?: number };
  if (WAIT_CODES.includes(code)) return { code, count: Math.max(1, Math.ceil((retryAfter ?? 60) / 60)) };
  return { code: known.includes(code) ? code : 'unknown', count: 0 };
}
