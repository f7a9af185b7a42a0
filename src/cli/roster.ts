import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../domain/resident.ts';
import { ROSTER_CLASSES, type ClassifiedPerson, type RosterClassification } from '../domain/roster/classify.ts';
import { daysLeft, DEFAULT_DEADLINE_DAYS, isDeadlineDays, todayInOslo } from '../domain/roster/deadline.ts';
import { MAX_LIST_BYTES } from '../domain/roster/decode.ts';
import type { ListFile } from '../domain/roster/list.ts';
import { previewRoster, type ReadListSummary } from '../domain/roster/preview.ts';
import { personFields } from '../domain/roster/personFields.ts';
import {
  classTitle,
  describeInvalidRow,
  describeListProblem,
  describeListWarnings,
  reviewReasonText,
} from './rosterText.ts';

export const ROSTER_USAGE = `Usage: kartlegg roster preview <listA.csv> <listB.csv> [--json] [--permit-deadline-days 14] [--as-of YYYY-MM-DD]

  listA   the NIR list "Kvalifisering i mottak"
  listB   the NIR list "Rett og plikt norsk og samfunnskunnskap"
  --json                    print one JSON object (targetGroup, exempt, outsideAge, onlyInA, onlyInB,
                            needsReview, invalidRows) instead of the summary
  --permit-deadline-days N  mapping deadline after the permit date (default ${DEFAULT_DEADLINE_DAYS})
  --as-of YYYY-MM-DD        "today" (default: today in Norway)

Reads nothing but the two files and writes nothing. Exit code 2 when a file cannot be read at all.`;

// Invalid rows listed in the summary; --json lists all.
const SUMMARY_INVALID_ROWS = 50;

/** `kartlegg roster …`; returns the exit code. Usage and unreadable files exit 2 with a message on stderr. */
export async function roster(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    console.log(ROSTER_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'preview') return usage(`Unknown roster command "${sub}".`);
  const options = previewOptions(rest);
  if (typeof options === 'string') return usage(options);
  const { paths, json, asOf, deadlineDays } = options;

  // Names as given when both files share one, so invalid rows say which file they are in.
  const names = paths.map((p) => basename(p));
  const files: ListFile[] = [];
  for (const [i, path] of paths.entries()) {
    try {
      // Checked before reading: a huge file would fill memory before the domain could refuse it.
      if ((await stat(path)).size > MAX_LIST_BYTES) {
        console.error(`Cannot use ${path}: ${describeListProblem('fileTooLarge')}`);
        return 2;
      }
      const name = names[0] === names[1] ? path : (names[i] ?? path);
      files.push({ name, bytes: new Uint8Array(await readFile(path)) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      console.error(`Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
      return 2;
    }
  }
  const [fileA, fileB] = files as [ListFile, ListFile];
  const result = previewRoster(fileA, fileB, { asOf, deadlineDays });
  if (!result.ok) {
    for (const { file, reason } of result.refused) console.error(`Cannot use ${file}: ${describeListProblem(reason)}`);
    return 2;
  }
  if (json) console.log(JSON.stringify(toJson(result.classification, asOf), null, 2));
  else console.log(summary(result.a, result.b, result.classification, { asOf, deadlineDays }));
  return 0;
}

/** The preview's flags and files, or what is wrong with them. */
function previewOptions(
  args: string[],
): { paths: string[]; json: boolean; asOf: string; deadlineDays: number } | string {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'permit-deadline-days': { type: 'string' },
        'as-of': { type: 'string' },
      },
    });
  } catch (err) {
    return (err as Error).message;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) return 'roster preview needs exactly two files: list A and list B.';
  const asOf = values['as-of'] ?? todayInOslo(Date.now());
  if (!isIsoDate(asOf)) return `--as-of must be a date written YYYY-MM-DD, not "${asOf}".`;
  const daysText = values['permit-deadline-days'] ?? String(DEFAULT_DEADLINE_DAYS);
  const deadlineDays = Number(daysText);
  if (!/^\d+$/.test(daysText) || !isDeadlineDays(deadlineDays)) {
    return `--permit-deadline-days must be a whole number of days from 0 to 365, not "${daysText}".`;
  }
  return { paths: positionals, json: values.json ?? false, asOf, deadlineDays };
}

function usage(message: string): number {
  console.error(`${message}\n\n${ROSTER_USAGE}`);
  return 2;
}

/**
 * The classes as arrays of people. The national id stays out (minimisation): DUF, name and the rows
 * the person came from are enough to find them.
 */
function toJson(c: RosterClassification, asOf: string) {
  const person = (p: ClassifiedPerson) => ({
    name: displayName(p),
    ...personFields(p),
    ageAtPermit: p.ageAtPermit,
    deadline: p.deadline,
    daysLeft: p.deadline ? daysLeft(p.deadline, asOf) : null,
    sources: p.sources,
    ...(p.reviewReasons.length ? { reviewReasons: p.reviewReasons } : {}),
    ...(p.problems.length ? { problems: p.problems } : {}),
  });
  return {
    ...Object.fromEntries(ROSTER_CLASSES.map((cls) => [cls, c[cls].map(person)])),
    invalidRows: c.invalidRows,
  };
}

function displayName(p: Pick<ClassifiedPerson, 'givenName' | 'familyName'>): string {
  return p.givenName ? `${p.familyName}, ${p.givenName}` : p.familyName;
}

/** Counts and file facts only: no names, numbers or dates of people (the summary may end up in a ticket). */
function summary(
  a: ReadListSummary,
  b: ReadListSummary,
  c: RosterClassification,
  options: { asOf: string; deadlineDays: number },
): string {
  const n = (value: number) => String(value);
  const lines = [`Roster preview as of ${options.asOf} (deadline: permit date + ${options.deadlineDays} days)`, ''];
  for (const [label, read] of [
    ['List A', a],
    ['List B', b],
  ] as const) {
    const { list, people } = read;
    lines.push(
      `${label}  ${list.file}: ${list.encoding}, delimiter ${JSON.stringify(list.delimiter)}, ` +
        `${n(list.records.length)} data rows, ${n(people.people.length)} readable, ${n(people.invalidRows.length)} invalid`,
    );
    const mapped = Object.entries(list.guess.mapping).map(([column, i]) => `${list.header[i] ?? '?'} → ${column}`);
    lines.push(`        columns: ${mapped.join(', ')}`);
    const unused = list.guess.unmapped.map((i) => JSON.stringify(list.header[i] ?? ''));
    if (unused.length) lines.push(`        not used: ${unused.join(', ')}`);
    for (const warning of describeListWarnings(list.warnings, people.missingColumns))
      lines.push(`        ! ${warning}`);
  }
  lines.push('');
  const width = Math.max(...ROSTER_CLASSES.map((cls) => classTitle(cls).length));
  for (const cls of ROSTER_CLASSES) {
    const people = c[cls];
    let detail = '';
    if (cls === 'targetGroup') {
      const left = people.flatMap((p) => (p.deadline ? [daysLeft(p.deadline, options.asOf)] : []));
      detail = `overdue ${n(left.filter((d) => d < 0).length)}, due within 3 days ${n(left.filter((d) => d >= 0 && d <= 3).length)}`;
    } else if (cls === 'needsReview' && people.length) {
      const reasons = new Map<string, number>();
      for (const r of people.flatMap((p) => p.reviewReasons)) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      detail = [...reasons].map(([r, count]) => `${reviewReasonText(r)} ${n(count)}`).join(', ');
    }
    lines.push(`  ${classTitle(cls).padEnd(width)}  ${n(people.length).padStart(7)}${detail ? `   ${detail}` : ''}`);
  }
  lines.push(`  ${'Invalid rows'.padEnd(width)}  ${n(c.invalidRows.length).padStart(7)}`);
  if (c.invalidRows.length) {
    lines.push('', 'Invalid rows:');
    for (const row of c.invalidRows.slice(0, SUMMARY_INVALID_ROWS)) lines.push(`  ${describeInvalidRow(row)}`);
    const more = c.invalidRows.length - SUMMARY_INVALID_ROWS;
    if (more > 0) lines.push(`  … and ${n(more)} more (--json lists all)`);
  }
  return lines.join('\n');
}
