import type { RosterEntry, DiffField } from '../../domain/roster/diff.ts';
import type { JsonValue } from '../../domain/sync/json.ts';
import { personFields } from '../../domain/roster/personFields.ts';
import { refusedField, type BulkChange } from '../db/changes.ts';
import type { ResidentRow } from '../db/database.ts';
import type { ImportDiff, ImportPerson } from './importProtocol.ts';

/**
 * From the worker's diff to what the import writes, decided before anything is written so the
 * preview shows exactly what "Import" will do:
 * - a new person → a new resident (everyone in either list, with their class);
 * - a changed person → only the fields that changed. A cell left blank in this week's list never
 *   erases what the roster holds (exports leave cells empty; a mapper may have filled them in);
 *   the class and the deadline always follow the lists;
 * - every listed resident gets `listedOn` = today (and `unlisted: false` when they come back);
 * - a resident the lists no longer contain is marked `unlisted`, never deleted: with a mapping or a
 *   session it must be kept, and without one a list missing someone for a week must not lose them
 *   either. Residents never imported (added by hand) are left alone;
 * - an ambiguous match changes nobody, and a person the server would refuse (no name, say) is skipped:
 *   both are shown, so a person can add or fix them by hand.
 */

export type SkipReason = 'nameMissing' | 'valueRejected';

/** The NIR fields diffRoster compares, under the names the resident record uses. */
const STORED_FIELD: Partial<Record<DiffField, string>> = {
  duf: 'duf',
  givenName: 'givenName',
  familyName: 'familyName',
  birthDate: 'birthDate',
  gender: 'gender',
  citizenship: 'citizenship',
  language: 'language',
  receptionCentre: 'receptionCentre',
  permitDate: 'permitDate',
  permitType: 'permitType',
  class: 'rosterClass',
  deadline: 'deadline',
};
/** Derived from the lists as a whole: follow them even when they become null. */
const DERIVED: ReadonlySet<DiffField> = new Set(['class', 'deadline']);

export interface PlannedChange {
  id: string;
  name: string;
  next: ImportPerson;
  fields: DiffField[];
}

export interface ImportPlan {
  added: ImportPerson[];
  changed: PlannedChange[];
  /** Residents listed again after an import had marked them unlisted. */
  relisted: number;
  unchanged: number;
  /** To be marked unlisted; `mustKeep`: has a mapping or a session. */
  unlisted: { id: string; name: string; mustKeep: boolean }[];
  ambiguous: { next: ImportPerson; candidates: number }[];
  skipped: { person: ImportPerson; reason: SkipReason }[];
  /** Every write, one mutation per resident, for recordChanges. */
  writes: BulkChange[];
}

export type CurrentResident = Pick<
  ResidentRow,
  'id' | 'givenName' | 'familyName' | 'versions' | 'listedOn' | 'unlisted'
>;

/** The roster as diffRoster compares it: the stored fields, `rosterClass` read as `class`. */
export function rosterEntry(row: ResidentRow): RosterEntry {
  return {
    id: row.id,
    duf: row.duf ?? null,
    givenName: row.givenName,
    familyName: row.familyName,
    birthDate: row.birthDate,
    gender: row.gender ?? null,
    citizenship: row.citizenship ?? null,
    language: row.language ?? null,
    receptionCentre: row.receptionCentre ?? null,
    permitDate: row.permitDate ?? null,
    permitType: row.permitType ?? null,
    class: row.rosterClass ?? null,
    deadline: row.deadline ?? null,
  };
}

export function planImport(
  diff: ImportDiff,
  residents: readonly CurrentResident[],
  today: string,
  newId: () => string,
): ImportPlan {
  const current = new Map(residents.map((r) => [r.id, r]));
  const plan: ImportPlan = {
    added: [],
    changed: [],
    relisted: 0,
    unchanged: 0,
    unlisted: [],
    ambiguous: [],
    skipped: [],
    writes: [],
  };
  const nameOf = (row: CurrentResident | undefined) => (row ? `${row.familyName}, ${row.givenName}` : '');

  for (const person of diff.added) {
    if (!person.givenName || !person.familyName) {
      plan.skipped.push({ person, reason: 'nameMissing' });
      continue;
    }
    const values = newResidentValues(person, today);
    if (!acceptable(values)) {
      plan.skipped.push({ person, reason: 'valueRejected' });
      continue;
    }
    plan.added.push(person);
    plan.writes.push({ entityId: newId(), values, isNew: true });
  }

  const listed = (id: string, next: ImportPerson, fields: DiffField[]) => {
    const row = current.get(id);
    if (!row) return;
    const values: Record<string, JsonValue> = {};
    const shown: DiffField[] = [];
    for (const field of fields) {
      const name = STORED_FIELD[field];
      const value = next[field as keyof ImportPerson] as JsonValue | undefined;
      if (!name || value === undefined) continue;
      if ((value === null || value === '') && !DERIVED.has(field)) continue;
      values[name] = value;
      shown.push(field);
    }
    if (row.unlisted) values.unlisted = false;
    if (row.listedOn !== today) values.listedOn = today;
    if (!acceptable(values)) {
      plan.skipped.push({ person: next, reason: 'valueRejected' });
      return;
    }
    if (row.unlisted) plan.relisted++;
    if (shown.length) plan.changed.push({ id, name: nameOf(row), next, fields: shown });
    else if (!row.unlisted) plan.unchanged++;
    // The versions the preview was computed on: a field changed meanwhile (a pull) becomes a conflict
    // on the server instead of being overwritten unseen.
    if (Object.keys(values).length) plan.writes.push({ entityId: id, values, baseVersions: { ...row.versions } });
  };
  for (const { id, next, fields } of diff.changed) listed(id, next, fields);
  for (const { id, next } of diff.unchanged) listed(id, next, []);

  for (const { id, mustKeep } of diff.removed) {
    const row = current.get(id);
    // Never imported (added by hand), or already marked: nothing to write.
    if (!row || row.listedOn == null || row.unlisted) continue;
    plan.unlisted.push({ id, name: nameOf(row), mustKeep });
    plan.writes.push({ entityId: id, values: { unlisted: true }, baseVersions: { ...row.versions } });
  }
  for (const { next, candidates } of diff.ambiguous) plan.ambiguous.push({ next, candidates: candidates.length });
  return plan;
}

function newResidentValues(p: ImportPerson, today: string): Record<string, JsonValue> {
  return { ...personFields(p), rosterClass: p.class, deadline: p.deadline, listedOn: today, unlisted: false };
}

/**
 * Whether the server would accept every value: the check recordChanges makes again at the commit,
 * where one refused value would fail the whole import; here it only skips that person.
 */
function acceptable(values: Record<string, JsonValue>): boolean {
  return refusedField('resident', values) === undefined;
}
