import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../protocol/errors.ts';

/** An error meant for the client: its status, code and message are safe to show. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** A refusal that ends by itself (a lockout, a rate limit): 429 with the seconds to wait. */
export class RetryLaterError extends ApiError {
  constructor(
    code: ApiErrorCode,
    message: string,
    readonly retryAfter: number,
  ) {
    super(429, code, message);
  }
}

export function errorBody(err: ApiError): ApiErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.issues ? { issues: err.issues } : {}),
      ...(err instanceof RetryLaterError ? { retryAfter: err.retryAfter } : {}),
    },
  };
}

/** Reads and validates a JSON body; a malformed or invalid one is a 400 that names the bad fields. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'bad_request', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(
      400,
      'invalid_body',
      'The request body does not have the expected fields.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
    );
  }
  return parsed.data as z.infer<S>;
}

/** Reads and validates the query string; an invalid one is a 400 that names the bad parameters. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ApiError(
      400,
      'bad_request',
      'The query string does not have the expected parameters.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(query)', message: i.message })),
    );
  }
  return parsed.data as z.infer<S>;
}
