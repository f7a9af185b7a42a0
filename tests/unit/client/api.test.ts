import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiResponse, ApiRequestError, createApi } from '../../../src/client/net/api.ts';

const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
  (async () => new Response(body, { status, headers })) as typeof fetch;

const failure = async (promise: Promise<unknown>) => {
  const err: unknown = await promise.catch((e: unknown) => e);
  if (!(err instanceof ApiRequestError)) throw new Error('expected an ApiRequestError');
  return err;
};

describe('the API client', () => {
  it('hands back a successful answer unread (a file to download)', async () => {
    const res = await apiResponse('audit?format=csv', { token: 't' }, answer(200, 'a;b\n1;2\n'), '/api/');
    expect(await res.text()).toBe('a;b\n1;2\n');
  });

  it('turns a refusal into the server’s code, with the wait it gave', async () => {
    const body = JSON.stringify({ error: { code: 'locked', message: 'Locked.', retryAfter: 120 } });
    const err = await failure(apiResponse('auth/login', { method: 'POST' }, answer(429, body)));
    expect([err.status, err.code, err.retryAfter]).toEqual([429, 'locked', 120]);
    const plain = await failure(apiResponse('audit', {}, answer(502, 'Bad gateway')));
    expect([plain.status, plain.code, plain.offline]).toEqual([502, 'server', false]);
  });

  it('says offline when the server cannot be reached', async () => {
    const unreachable = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const err = await failure(apiResponse('settings', {}, unreachable));
    expect(err.offline).toBe(true);
  });

  it('validates a JSON answer with the schema', async () => {
    const api = createApi(answer(200, JSON.stringify({ days: 14 })));
    expect(await api('settings', z.object({ days: z.number() }))).toEqual({ days: 14 });
    const err = await failure(api('settings', z.object({ days: z.string() })));
    expect(err.code).toBe('bad_response');
  });
});
