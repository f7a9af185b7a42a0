import { describe, expect, it } from 'vitest';
import type { ResidentRow } from '../../../src/client/db/database.ts';
import type { PreviewRequest } from '../../../src/client/roster/importProtocol.ts';
import { previewImport } from '../../../src/client/roster/importPreview.ts';
import { planImport, rosterEntry, type ImportPlan } from '../../../src/client/roster/importPlan.ts';
import { ROSTER_CLASSES } from '../../../src/domain/roster/classify.ts';
import { loadList, type LoadedList } from '../../../src/domain/roster/list.ts';
import { generateNir, writeList, type ListRow } from '../../fixtures/nir/generate.ts';

const TODAY = '2026-06-15';
let lastId = 0;

function load(rows: ListRow[], list: 'A' | 'B'): LoadedList {
  const loaded = loadList({ name: `list${list}.csv`, bytes: writeList(rows, list) });
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.list;
}

/** The import as the screen runs it: worker preview, then the plan, against `roster`. */
function runImport(rowsA: ListRow[], rowsB: ListRow[], roster: ResidentRow[], keep: string[] = [], today = TODAY) {
  const a = load(rowsA, 'A');
  const b = load(rowsB, 'B');
  const request: PreviewRequest = {
    asOf: today,
    deadlineDays: 14,
    mappingA: a.guess.mapping,
    mappingB: b.guess.mapping,
    current: roster.filter((r) => !r.deleted).map(rosterEntry),
    keep,
  };
  const reply = previewImport(a, b, request);
  if (!reply.ok) throw new Error(reply.reason);
  const plan = planImport(reply.diff, roster, today, () => `id-${String(++lastId).padStart(5, '0')}`);
  return { reply, plan };
}

/** What the roster holds after a plan's writes (as recordChanges would store them). */
function apply(roster: ResidentRow[], plan: ImportPlan): ResidentRow[] {
  const byId = new Map(roster.map((r) => [r.id, r]));
  for (const { entityId, values } of plan.writes) {
    byId.set(entityId, { ...byId.get(entityId), ...values, id: entityId, versions: {}, updatedAt: 0 } as ResidentRow);
  }
  return [...byId.values()];
}

const dufOf = (row: ListRow) => (row.duf ?? '').replace(/\s/g, '');

describe('a roster import, planned', () => {
  const generated = generateNir({ people: 600, seed: 4, asOf: TODAY });

  it('adds everyone in either list on the first import, with class, deadline and listing date', () => {
    const { reply, plan } = runImport(generated.listA, generated.listB, []);
    if (!reply.ok) throw new Error();
    const { invalidRows, ...classes } = generated.expected;
    expect(reply.counts).toEqual(classes);
    expect(reply.invalidRows).toHaveLength(invalidRows);
    const total = ROSTER_CLASSES.reduce((sum, cls) => sum + classes[cls], 0);
    expect(plan.added).toHaveLength(total);
    expect(plan.writes).toHaveLength(total);
    expect(plan.skipped).toEqual([]);
    expect(plan.changed).toEqual([]);
    const written = plan.writes.map((w) => w.values);
    expect(written.every((v) => v.listedOn === TODAY && v.unlisted === false)).toBe(true);
    // Never a national id: the roster does not store one.
    expect(written.some((v) => 'nationalId' in v)).toBe(false);
    const target = written.filter((v) => v.rosterClass === 'targetGroup');
    expect(target).toHaveLength(classes.targetGroup);
    expect(target.every((v) => typeof v.deadline === 'string')).toBe(true);
    expect(written.filter((v) => v.rosterClass === 'exempt').every((v) => v.deadline === null)).toBe(true);
  });

  it('shows the weekly difference: new, changed fields, no longer listed (kept), listed again', () => {
    const first = runImport(generated.listA, generated.listB, []);
    let roster = apply([], first.plan);
    const ordinary = generated.people.filter(
      (p) => p.note === '' && p.inA && p.inB && p.duf && p.expected === 'targetGroup',
    );
    const [gone1, gone2, moved, renamedCentre] = ordinary;
    if (!gone1 || !gone2 || !moved || !renamedCentre) throw new Error('generator gave too few people');
    const mapped = roster.find((r) => r.duf === gone1.duf)!;
    const without = (rows: ListRow[]) => rows.filter((r) => dufOf(r) !== gone1.duf && dufOf(r) !== gone2.duf);
    const recentre = (rows: ListRow[]) =>
      rows.map((r) => (dufOf(r) === moved.duf ? { ...r, receptionCentre: 'Nytt mottak' } : r));
    const extra = generateNir({ people: 20, seed: 99, asOf: TODAY, tricky: false });
    const newcomers = extra.people.filter((p) => p.inA && p.inB).slice(0, 3);
    const newDufs = new Set(newcomers.map((p) => p.duf));
    const add = (rows: ListRow[], more: ListRow[]) => [...rows, ...more.filter((r) => newDufs.has(dufOf(r)))];

    const second = runImport(
      add(recentre(without(generated.listA)), extra.listA),
      add(recentre(without(generated.listB)), extra.listB),
      roster,
      [mapped.id],
    );
    expect(second.plan.added.map((p) => p.duf).sort()).toEqual([...newDufs].sort());
    expect(second.plan.changed.map((c) => [c.next.duf, c.fields])).toEqual([[moved.duf, ['receptionCentre']]]);
    expect(second.plan.unlisted.map((u) => [u.id === mapped.id, u.mustKeep]).sort()).toEqual([
      [false, false],
      [true, true],
    ]);
    // Nobody is deleted: the ones no longer listed are marked.
    expect(second.plan.writes.some((w) => 'deleted' in w.values)).toBe(false);
    expect(second.plan.writes.filter((w) => w.values.unlisted === true)).toHaveLength(2);
    // Same day: the unchanged residents need no write at all.
    expect(second.plan.writes).toHaveLength(3 + 1 + 2);

    // A week later the two are back: listed again, and every listed resident gets the new date.
    roster = apply(roster, second.plan);
    const third = runImport(generated.listA, generated.listB, roster, [], '2026-06-22');
    expect(third.plan.relisted).toBe(2);
    const relisted = third.plan.writes.filter((w) => w.values.unlisted === false);
    expect(relisted).toHaveLength(2);
    expect(third.plan.writes.filter((w) => w.values.listedOn === '2026-06-22').length).toBeGreaterThan(500);
  });

  it('never erases a stored value with a blank cell, but follows the class and deadline', () => {
    const first = runImport(generated.listA, generated.listB, []);
    const roster = apply([], first.plan);
    const person = generated.people.find(
      (p) => p.note === '' && p.inA && p.inB && p.duf && p.expected === 'targetGroup',
    )!;
    const blank = (rows: ListRow[]) =>
      rows.map((r) => (dufOf(r) === person.duf ? { ...r, language: '', permitDate: '' } : r));
    const { plan } = runImport(blank(generated.listA), blank(generated.listB), roster);
    const change = plan.changed.find((c) => c.next.duf === person.duf);
    // No permit date in either list: the class becomes needsReview and the deadline goes; the stored
    // language and permit date stay.
    expect(change?.fields).toEqual(['class', 'deadline']);
    const write = plan.writes.find((w) => w.entityId === change?.id);
    expect(write?.values).toEqual({ rosterClass: 'needsReview', deadline: null });
  });

  it('skips a person without a name, and leaves residents added by hand alone', () => {
    const rowsA: ListRow[] = [
      { duf: '201912345678', familyName: 'Yusuf', birthDate: '01.02.1990', permitDate: '01.06.2026' },
    ];
    const rowsB: ListRow[] = [
      { duf: '201912345678', fullName: 'Yusuf', birthDate: '1990-02-01', permitDate: '2026-06-01' },
    ];
    const byHand = { id: 'hand', givenName: 'Ola', familyName: 'Berg', birthDate: null, versions: {}, updatedAt: 0 };
    const { plan } = runImport(rowsA, rowsB, [byHand]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['nameMissing']);
    expect(plan.added).toEqual([]);
    expect(plan.unlisted).toEqual([]);
    expect(plan.writes).toEqual([]);
  });
});
