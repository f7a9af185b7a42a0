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
  | 'not_found'
  | 'protocol_unsupported'
  | 'internal';
