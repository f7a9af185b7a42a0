import { z } from 'zod';

/**
 * Every non-2xx answer from `/api/*` has this body. `code` is stable and machine-readable (the
 * client translates it); `message` is plain English for operators and logs. Never a stack trace.
 */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Where a request body failed validation: the path of each bad field. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** With 429: seconds until trying again makes sense (also in the Retry-After header). */
    retryAfter: z.number().int().positive().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_body'
  | 'invalid_credentials'
  | 'unauthorized'
  /** Signed in, but the user's role may not do this. */
  | 'forbidden'
  /** Too many wrong passwords for this username: locked for `retryAfter` seconds. */
  | 'locked'
  /** Too many wrong sign-ins from this address. */
  | 'rate_limited'
  | 'not_found'
  /** 413: the request body is larger than the route accepts. */
  | 'payload_too_large'
  /** 410: an administrator ordered this device emptied (the app deletes its data and confirms). */
  | 'wipe_requested'
  | 'protocol_unsupported'
  /** 409: a `mottak` user without a reception centre (an administrator assigns one). */
  | 'no_centre'
  /** 403 at sign-in: an administrator deactivated this account. */
  | 'deactivated'
  /** 400: an account's username, password, role or centre breaks a rule (`issues` names the field). */
  | 'invalid_account'
  /** 409: the username is someone's already. */
  | 'username_taken'
  /** 409: an administrator may not deactivate themself or take away their own admin role. */
  | 'own_account'
  | 'internal';
