import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanInputSchema } from '../../../src/protocol/planInput.ts';

const example = JSON.parse(
  readFileSync(new URL('../../fixtures/planning/example.json', import.meta.url), 'utf8'),
) as Record<string, unknown[]>;
const issues = (value: unknown) => {
  const result = PlanInputSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('PlanInputSchema', () => {
  it('accepts the example input', () => {
    expect(issues(example)).toEqual([]);
  });

  it('names the path of a malformed field', () => {
    const windows = structuredClone(example.windows) as Record<string, unknown>[];
    windows[1] = { ...windows[1], start: '9:00' };
    windows[2] = { ...windows[2], end: '08:00' };
    expect(issues({ ...example, windows })).toEqual([
      'windows.1.start: expected a time written HH:MM',
      'windows.2.end: end must be after start',
    ]);
  });

  it('refuses references to things that are not there, and duplicates', () => {
    const residents = structuredClone(example.residents) as Record<string, unknown>[];
    residents[0] = { ...residents[0], receptionCentre: 'vo-1' };
    residents[1] = { ...residents[1], id: 'r01' };
    const locked = [
      { residentId: 'r02', windowId: 'nowhere', start: '09:00' },
      { residentId: 'r04', windowId: 'mon-am', start: '09:30' },
      { residentId: 'r05', windowId: 'mon-am', start: '09:00' },
      { residentId: 'r06', windowId: 'mon-am', start: '09:00' },
    ];
    expect(issues({ ...example, residents, locked })).toEqual([
      'residents.1.id: duplicate id "r01"',
      'residents.0.receptionCentre: no reception centre with id "vo-1"',
      'locked.0.residentId: no resident "r02"',
      'locked.0.windowId: no window "nowhere"',
      'locked.1.start: no 60-minute slot starts at 09:30 in that window',
      'locked.3.start: slot already locked to another resident',
    ]);
  });

  it('refuses a date that does not exist', () => {
    expect(issues({ ...example, today: '2026-02-30' })).toEqual(['today: expected a date written YYYY-MM-DD']);
  });
});
