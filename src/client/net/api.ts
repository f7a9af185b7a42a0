import type { z } from 'zod';
import { ApiErrorBody } from '../../protocol/errors.ts';

/** Why a request failed, as a code the UI translates. */
export class ApiRequestError extends Error {
  constructor(
    /** HTTP status, or 0 when the network could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before trying again (a lockout or rate limit), when the server said. */
    readonly retryAfter?: number,
    /** The fields a refused body got wrong, as the server named them (`path`). */
    readonly issues?: readonly { path: string; message: string }[],
  ) {
    super(message);
  }
  get offline(): boolean {
    return this.status === 0;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: unknown;
  token?: string | undefined;
}

export type ApiRequester = <S extends z.ZodType>(
  path: string,
  schema: S,
  options?: RequestOptions,
) => Promise<z.infer<S>>;

/**
 * Makes the function that calls `<base><path>` and validates the answer with the shared protocol
 * schema. The browser uses `/api/` and its own fetch; the simulation passes a server URL and a
 * fetch that injects faults.
 */
export function createApi(fetchFn: typeof fetch = (...args) => fetch(...args), base = '/api/'): ApiRequester {
  return async (path, schema, options) => {
    const res = await apiResponse(path, options, fetchFn, base);
    const json: unknown = await res.json().catch(() => undefined);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiRequestError(res.status, 'bad_response', 'The server sent an unexpected answer.');
    return parsed.data as z.infer<typeof schema>;
  };
}

/**
 * Calls `<base><path>` and resolves to the server's answer when it succeeded, unread (a file to
 * download, say); a failure becomes an ApiRequestError: offline, or the code the server gave.
 */
export async function apiResponse(
  path: string,
  { method = 'GET', body, token }: RequestOptions = {},
  fetchFn: typeof fetch = (...args) => fetch(...args),
  base = '/api/',
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetchFn(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiRequestError(0, 'offline', 'The server could not be reached.');
  }
  if (res.ok) return res;
  const json: unknown = await res.json().catch(() => undefined);
  const parsed = ApiErrorBody.safeParse(json);
  const err = parsed.success ? parsed.data.error : { code: 'server', message: `HTTP ${res.status}` };
  throw new ApiRequestError(
    res.status,
    err.code,
    err.message,
    'retryAfter' in err ? err.retryAfter : undefined,
    'issues' in err ? err.issues : undefined,
  );
}

/** The app's API, on its own origin. */
export const apiRequest: ApiRequester = createApi();
