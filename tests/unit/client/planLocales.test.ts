import { describe, expect, it } from 'vitest';
import en from '../../../src/client/i18n/locales/plan/en.json';
import nb from '../../../src/client/i18n/locales/plan/nb.json';
import nn from '../../../src/client/i18n/locales/plan/nn.json';
import { INTERPRETER_MODES, PLACE_KINDS } from '../../../src/domain/planning/model.ts';
import { SLOT_STATUSES } from '../../../src/domain/planning/records.ts';
import type { LateReason, UnplacedReason } from '../../../src/domain/planning/model.ts';
import type { NotPlannableReason } from '../../../src/domain/planning/inputFromRecords.ts';
import type { MoveRefusal } from '../../../src/domain/planning/slotEdits.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const REASONS = [
  'deadlinePassed',
  'earliestAfterDeadline',
  'noWindowBeforeDeadline',
  'noInterpreterBeforeDeadline',
  'noCapacityBeforeDeadline',
  'lockedAfterDeadline',
  'noWindow',
  'noInterpreter',
  'noCapacity',
  'noDeadline',
  'noLanguage',
  'noReceptionCentre',
  'unknownReceptionCentre',
] as const satisfies readonly (LateReason | UnplacedReason | NotPlannableReason)[];
const REFUSALS = ['notFound', 'locked', 'otherLanguage', 'sameSlot'] as const satisfies readonly MoveRefusal[];

describe('the plan screen’s strings', () => {
  it.each([
    ['nn', nn],
    ['en', en],
  ])('%s has exactly the keys of nb', (_, locale) => {
    expect(keys(locale).sort()).toEqual(keys(nb).sort());
  });

  // Built from codes at run time, so no literal check finds them.
  it('names every reason, refusal, status, place kind and interpreter mode', () => {
    const known = new Set(keys(nb));
    const wanted = [
      ...REASONS.map((r) => `plan.problems.reasons.${r}`),
      ...REFUSALS.map((r) => `plan.sessions.refused.${r}`),
      ...SLOT_STATUSES.map((s) => `plan.sessions.statuses.${s}`),
      ...PLACE_KINDS.map((k) => `plan.places.kinds.${k}`),
      ...INTERPRETER_MODES.map((m) => `plan.interpreters.modes.${m}`),
    ];
    expect(wanted.filter((k) => !known.has(k))).toEqual([]);
  });
});
