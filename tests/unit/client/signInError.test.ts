import { describe, expect, it } from 'vitest';
import { signInErrorText } from '../../../src/client/auth/signInError.ts';

const KNOWN = ['invalid_credentials', 'offline'];

describe('what a failed sign-in says', () => {
  it('keeps a code the screen has a sentence for, and makes any other one unknown', () => {
    expect(signInErrorText({ code: 'offline' }, KNOWN)).toEqual({ code: 'offline', count: 0 });
    expect(signInErrorText({ code: 'not_found' }, KNOWN)).toEqual({ code: 'unknown', count: 0 });
    expect(signInErrorText(new Error('boom'), KNOWN)).toEqual({ code: 'unknown', count: 0 });
  });

  it('gives a lockout or rate limit in whole minutes, at least one', () => {
    expect(signInErrorText({ code: 'locked', retryAfter: 61 }, KNOWN)).toEqual({ code: 'locked', count: 2 });
    expect(signInErrorText({ code: 'rate_limited', retryAfter: 5 }, KNOWN)).toEqual({ code: 'rate_limited', count: 1 });
    expect(signInErrorText({ code: 'locked' }, KNOWN)).toEqual({ code: 'locked', count: 1 });
  });
});
