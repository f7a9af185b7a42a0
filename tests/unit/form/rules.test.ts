import { describe, expect, it } from 'vitest';
import { evaluate, isAnswered, referencedCodes, type Rule } from '../../../src/domain/form/rules.ts';

const answers: Record<string, unknown> = { a: 'yes', n: 5, m: ['x', 'y'], g: [{}], empty: [] };
const lookup = (code: string) => answers[code];

describe('the rule language', () => {
  it.each<[Rule, boolean]>([
    [{ equals: ['a', 'yes'] }, true],
    [{ equals: ['a', 'no'] }, false],
    [{ equals: ['missing', 'yes'] }, false],
    [{ not: { equals: ['missing', 'yes'] } }, true],
    [{ oneOf: ['a', ['no', 'yes']] }, true],
    [{ oneOf: ['n', [4, 6]] }, false],
    [{ includes: ['m', 'y'] }, true],
    [{ includes: ['m', 'z'] }, false],
    [{ includes: ['a', 'yes'] }, true],
    [{ answered: 'g' }, true],
    [{ answered: 'empty' }, false],
    [{ answered: 'missing' }, false],
    [{ atLeast: ['n', 5] }, true],
    [{ atLeast: ['n', 6] }, false],
    [{ atLeast: ['a', 1] }, false],
    [{ all: [{ equals: ['a', 'yes'] }, { atLeast: ['n', 1] }] }, true],
    [{ all: [{ equals: ['a', 'yes'] }, { atLeast: ['n', 9] }] }, false],
    [{ any: [{ equals: ['a', 'no'] }, { includes: ['m', 'x'] }] }, true],
    [{ any: [] }, false],
    [{ all: [] }, true],
  ])('%j → %s', (rule, expected) => {
    expect(evaluate(rule, lookup)).toBe(expected);
  });

  it('lists the questions a rule reads', () => {
    expect(
      referencedCodes({ all: [{ equals: ['a', 1] }, { not: { any: [{ answered: 'b' }, { includes: ['c', 'x'] }] } }] }),
    ).toEqual(['a', 'b', 'c']);
  });

  it('counts empty strings and lists as unanswered', () => {
    expect([undefined, null, '', []].map(isAnswered)).toEqual([false, false, false, false]);
    expect([0, 'x', ['x']].map(isAnswered)).toEqual([true, true, true]);
  });
});
