import {
  classifyLists,
  ROSTER_CLASSES,
  type ClassifiedPerson,
  type RosterClass,
} from '../../domain/roster/classify.ts';
import { diffRoster } from '../../domain/roster/diff.ts';
import { readPeople, type LoadedList } from '../../domain/roster/list.ts';
import { personFields } from '../../domain/roster/personFields.ts';
import type { ImportDiff, ImportPerson, PreviewReply, PreviewRequest } from './importProtocol.ts';

/**
 * The preview step of an import, as the worker runs it: read the people of both loaded lists with
 * the chosen mappings, match and classify them, and compare them with the roster. Pure (no worker,
 * no database), so it is tested directly.
 */
export function previewImport(
  listA: LoadedList | undefined,
  listB: LoadedList | undefined,
  request: PreviewRequest,
): PreviewReply {
  if (!listA || !listB) return { ok: false, file: listA ? (listB?.file ?? '') : '', reason: 'notLoaded' };
  const a = readPeople(listA, request.mappingA, request.asOf);
  if (!a.ok) return a;
  const b = readPeople(listB, request.mappingB, request.asOf);
  if (!b.ok) return b;
  const classification = classifyLists(a.people, b.people, { deadlineDays: request.deadlineDays });
  // The roster holds everyone in either list, each with their class: the working lists show who is
  // to be mapped, who needs review, and who is outside the target group (and why).
  const next = ROSTER_CLASSES.flatMap((cls) => classification[cls]);
  const keep = new Set(request.keep);
  const diff = diffRoster(request.current, next, (resident) => keep.has(resident.id));

  const people = new Map<ClassifiedPerson, ImportPerson>();
  const person = (p: ClassifiedPerson): ImportPerson => {
    let converted = people.get(p);
    if (!converted) people.set(p, (converted = importPerson(p)));
    return converted;
  };
  const result: ImportDiff = { added: diff.added.map(person), changed: [], unchanged: [], removed: [], ambiguous: [] };
  for (const { current, next: p, fields } of diff.changed) {
    // The roster stores no national id, so "changed national id" only means "known to the lists".
    const stored = fields.filter((f) => f !== 'nationalId');
    if (stored.length) result.changed.push({ id: current.id, next: person(p), fields: stored });
    else result.unchanged.push({ id: current.id, next: person(p) });
  }
  for (const { current, next: p } of diff.unchanged) result.unchanged.push({ id: current.id, next: person(p) });
  for (const { current, mustKeep } of diff.removed) result.removed.push({ id: current.id, mustKeep });
  for (const { next: p, candidates } of diff.ambiguous) {
    result.ambiguous.push({ next: person(p), candidates: candidates.map((c) => c.id) });
  }
  const counts = Object.fromEntries(ROSTER_CLASSES.map((cls) => [cls, classification[cls].length])) as Record<
    RosterClass,
    number
  >;
  return {
    ok: true,
    counts,
    invalidRows: classification.invalidRows,
    missingColumns: { A: a.people.missingColumns, B: b.people.missingColumns },
    diff: result,
  };
}

/** Only what the roster stores and the preview shows: no national id, no cell problems. */
function importPerson(p: ClassifiedPerson): ImportPerson {
  return {
    ...personFields(p),
    class: p.class,
    deadline: p.deadline,
    reviewReasons: p.reviewReasons,
    sources: p.sources,
  };
}
