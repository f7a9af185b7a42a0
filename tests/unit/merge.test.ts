import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual, type JsonValue } from '../../src/domain/sync/json.ts';
import {
  DELETED_FIELD,
  decideField,
  mergeMutation,
  type Change,
  type FieldConflict,
  type RecordFields,
} from '../../src/domain/sync/merge.ts';

// Small domains on purpose: equal values, shared fields and matching versions must come up often.
const value: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom<JsonValue>('a', 'b', 1, 2, null, true, false, ['x'], { k: 1 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
);
const fieldName = fc.constantFrom('givenName', 'familyName', 'birthDate', 'q1', DELETED_FIELD);
const clientId = fc.constantFrom('A', 'B', 'C');
/** Field versions of a record made before the mutations under test (which use versions above 10). */
const recordFields: fc.Arbitrary<RecordFields> = fc.dictionary(
  fieldName,
  fc.record({ value, version: fc.integer({ min: 1, max: 10 }), writer: clientId }),
  { maxKeys: 5 },
);
const changes = (fields: fc.Arbitrary<string> = fieldName): fc.Arbitrary<Record<string, Change>> =>
  fc.dictionary(fields, fc.record({ value, baseVersion: fc.integer({ min: 0, max: 12 }) }), { minKeys: 1, maxKeys: 4 });
const maybeRecord = fc.option(recordFields, { nil: undefined });

const values = (fields: RecordFields) => Object.fromEntries(Object.entries(fields).map(([f, s]) => [f, s.value]));
const conflictKey = (c: FieldConflict) => JSON.stringify([c.field, c.mine, c.theirs.value, c.theirs.version]);
const sortedKeys = (cs: FieldConflict[]) => cs.map(conflictKey).sort();

describe('decideField', () => {
  const current = { value: 'Amina', version: 5, writer: 'A' };

  it('applies to a field the server does not have', () => {
    expect(decideField(undefined, { value: 'x', baseVersion: 0 }, 'B')).toBe('apply');
  });

  it('applies a change made on the version the server holds (or a later one)', () => {
    expect(decideField(current, { value: 'Aminah', baseVersion: 5 }, 'B')).toBe('apply');
    expect(decideField(current, { value: 'Aminah', baseVersion: 6 }, 'B')).toBe('apply');
  });

  it('applies a stale change by the client that wrote the current value: its later change supersedes', () => {
    expect(decideField(current, { value: 'Aminah', baseVersion: 2 }, 'A')).toBe('apply');
  });

  it('is a conflict when another client changed the field since the base', () => {
    expect(decideField(current, { value: 'Aminah', baseVersion: 4 }, 'B')).toBe('conflict');
    expect(decideField(current, { value: 'Aminah', baseVersion: 0 }, 'B')).toBe('conflict');
  });

  it('is the same when the server already holds the value, whatever the base; key order does not matter', () => {
    expect(decideField(current, { value: 'Amina', baseVersion: 0 }, 'B')).toBe('same');
    const obj = { value: { a: 1, b: [1, { c: null }] }, version: 3, writer: 'A' };
    expect(decideField(obj, { value: { b: [1, { c: null }], a: 1 }, baseVersion: 0 }, 'B')).toBe('same');
    expect(decideField(obj, { value: { b: [1, { c: 0 }], a: 1 }, baseVersion: 0 }, 'B')).toBe('conflict');
  });
});

describe('mergeMutation examples', () => {
  const record: RecordFields = {
    givenName: { value: 'Amina', version: 1, writer: 'A' },
    familyName: { value: 'Yusuf', version: 1, writer: 'A' },
    deleted: { value: true, version: 3, writer: 'B' },
  };

  it('keeps an edit of a deleted record and asks once whether to restore it', () => {
    const edit = mergeMutation(record, { familyName: { value: 'Yusuf-Ali', baseVersion: 1 } }, 'A', 4);
    expect(edit.applied).toEqual(['familyName']);
    expect(edit.fields.familyName).toEqual({ value: 'Yusuf-Ali', version: 4, writer: 'A' });
    expect(edit.conflicts).toEqual([{ field: DELETED_FIELD, baseVersion: 0, theirs: record.deleted, mine: false }]);
    const again = mergeMutation(
      edit.fields,
      { givenName: { value: 'A.', baseVersion: 1 } },
      'A',
      5,
      new Set(['deleted']),
    );
    expect(again.conflicts).toEqual([]);
  });

  it('raises no restore question for a change of `deleted` itself', () => {
    const restore = mergeMutation(record, { deleted: { value: false, baseVersion: 3 } }, 'A', 4);
    expect(restore).toMatchObject({ applied: ['deleted'], conflicts: [] });
  });

  it('creates a record from nothing', () => {
    const created = mergeMutation(undefined, { givenName: { value: 'X', baseVersion: 0 } }, 'C', 7);
    expect(created).toEqual({
      fields: { givenName: { value: 'X', version: 7, writer: 'C' } },
      applied: ['givenName'],
      conflicts: [],
    });
  });
});

describe('mergeMutation properties', () => {
  it('is idempotent: the same mutation again from the same client applies nothing and changes nothing', () => {
    fc.assert(
      fc.property(maybeRecord, changes(), clientId, (record, cs, client) => {
        const once = mergeMutation(record, cs, client, 11);
        const open = new Set(once.conflicts.map((c) => c.field));
        const twice = mergeMutation(once.fields, cs, client, 12, open);
        expect(twice.applied).toEqual([]);
        expect(twice.fields).toEqual(once.fields);
        // At most the same questions again (the server does not even ask: it knows the mutation id).
        for (const key of twice.conflicts.map(conflictKey)) expect(once.conflicts.map(conflictKey)).toContain(key);
      }),
    );
  });

  it('commutes for two clients changing different fields', () => {
    const split = fc
      .tuple(changes(), changes())
      .map(([a, b]) => [a, Object.fromEntries(Object.entries(b).filter(([f]) => !(f in a)))] as const)
      .filter(([, b]) => Object.keys(b).length > 0);
    fc.assert(
      fc.property(
        maybeRecord,
        split,
        fc.constantFrom<[string, string]>(['A', 'B'], ['B', 'C']),
        (record, [a, b], [ca, cb]) => {
          const run = (first: [Record<string, Change>, string], second: [Record<string, Change>, string]) => {
            const one = mergeMutation(record, first[0], first[1], 11);
            const open = new Set(one.conflicts.map((c) => c.field));
            const two = mergeMutation(one.fields, second[0], second[1], 12, open);
            return { fields: values(two.fields), conflicts: sortedKeys([...one.conflicts, ...two.conflicts]) };
          };
          const ab = run([a, ca], [b, cb]);
          const ba = run([b, cb], [a, ca]);
          // `deleted` is the one field other changes depend on: deleting first turns a concurrent edit into
          // a restore question. Apart from that, the order does not matter at all.
          if (DELETED_FIELD in a || DELETED_FIELD in b) {
            expect(ab.fields).toEqual(ba.fields);
            return;
          }
          expect(ab).toEqual(ba);
        },
      ),
    );
  });

  it('loses nothing: every written value is a current value, in history, or the `mine` of a conflict', () => {
    const mutation = fc.record({ client: clientId, changes: changes() });
    fc.assert(
      fc.property(maybeRecord, fc.array(mutation, { minLength: 1, maxLength: 8 }), (record, mutations) => {
        const history: { field: string; value: JsonValue }[] = Object.entries(record ?? {}).map(([field, s]) => ({
          field,
          value: s.value,
        }));
        const mine: { field: string; value: JsonValue }[] = [];
        const open = new Set<string>();
        let fields = record;
        mutations.forEach((m, i) => {
          const result = mergeMutation(fields, m.changes, m.client, 11 + i, open);
          for (const f of result.applied) {
            const state = result.fields[f];
            expect(state).toEqual({ value: m.changes[f]?.value, version: 11 + i, writer: m.client });
            history.push({ field: f, value: state?.value ?? null });
          }
          for (const c of result.conflicts) {
            // The server's value stays until a person decides.
            expect(result.fields[c.field]).toEqual(fields?.[c.field]);
            mine.push({ field: c.field, value: c.mine });
            open.add(c.field);
          }
          fields = result.fields;
        });
        // The current values are in `history` too: the record's own, or applied since.
        const kept = (field: string, v: JsonValue) =>
          history.some((h) => h.field === field && jsonEqual(h.value, v)) ||
          mine.some((h) => h.field === field && jsonEqual(h.value, v));
        for (const m of mutations) {
          for (const [field, change] of Object.entries(m.changes)) expect(kept(field, change.value)).toBe(true);
        }
      }),
    );
  });

  it('decides each field on its own: applied fields take the new version and writer, others are untouched', () => {
    fc.assert(
      fc.property(maybeRecord, changes(), clientId, (record, cs, client) => {
        const result = mergeMutation(record, cs, client, 11);
        for (const [field, change] of Object.entries(cs)) {
          const decision = decideField(record?.[field], change, client);
          expect(result.applied.includes(field)).toBe(decision === 'apply');
          if (decision !== 'apply') expect(result.fields[field]).toEqual(record?.[field]);
          const conflicted = result.conflicts.some((c) => c.field === field && c.mine === change.value);
          if (decision === 'conflict') expect(conflicted).toBe(true);
        }
        for (const field of Object.keys(record ?? {})) {
          if (!(field in cs)) expect(result.fields[field]).toEqual(record?.[field]);
        }
      }),
    );
  });
});
