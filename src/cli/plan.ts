import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  DEFAULT_BUS_TICKET_KM,
  DEFAULT_SLOT_MINUTES,
  type LateReason,
  type Plan,
  type PlanInput,
  type Session,
  type UnplacedReason,
} from '../domain/planning/model.ts';
import { planSessions } from '../domain/planning/plan.ts';
import { PlanInputSchema } from '../protocol/planInput.ts';

export const PLAN_USAGE = `Usage: kartlegg plan <input.json> [--json]

  input.json  residents due, places, the mappers' windows (and optionally interpreter terms,
              locked assignments); see docs/planning.md and tests/fixtures/planning/example.json
  --json      print one JSON object {sessions, late, unplaced, cost, lowerBound} instead of the plan

Reads nothing but the file and writes nothing. Exit code 2 when the file cannot be read or is not valid.`;

/** Larger than any real week (20,000 residents); refused before reading so it cannot fill memory. */
const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Validation problems listed before "… and N more". */
const LISTED_ISSUES = 10;

/** `kartlegg plan …`; returns the exit code. */
export async function plan(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' } } });
  } catch (err) {
    return usage((err as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length === 0) return usage('plan needs the input file.');
  if (positionals.length > 1) return usage('plan takes exactly one input file.');
  const path = positionals[0] as string;

  let text: string;
  try {
    if ((await stat(path)).size > MAX_INPUT_BYTES) {
      console.error(`Cannot use ${path}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.`);
      return 2;
    }
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    console.error(`Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    console.error(`Cannot use ${path}: not valid JSON (${(err as Error).message}).`);
    return 2;
  }
  const input = PlanInputSchema.safeParse(json);
  if (!input.success) {
    const issues = input.error.issues;
    const lines = issues.slice(0, LISTED_ISSUES).map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
    if (issues.length > LISTED_ISSUES) lines.push(`  … and ${issues.length - LISTED_ISSUES} more`);
    console.error(`Cannot use ${path}: it does not describe a planning week:\n${lines.join('\n')}`);
    return 2;
  }
  const data = input.data as PlanInput;
  const result = planSessions(data);
  if (values.json) {
    const { sessions, late, unplaced, cost, lowerBound } = result;
    console.log(JSON.stringify({ sessions, late, unplaced, cost, lowerBound }, null, 2));
  } else console.log(planText(data, result));
  return 0;
}

function usage(message: string): number {
  console.error(`${message}\n\n${PLAN_USAGE}`);
  return 2;
}

const LATE_TEXT: Record<LateReason, string> = {
  deadlinePassed: 'the deadline has passed',
  earliestAfterDeadline: 'cannot come before the deadline',
  noWindowBeforeDeadline: 'no mapper window before the deadline',
  noInterpreterBeforeDeadline: 'no interpreter time before the deadline',
  noCapacityBeforeDeadline: 'no capacity left before the deadline',
  lockedAfterDeadline: 'locked to a slot after the deadline',
};
const UNPLACED_TEXT: Record<UnplacedReason, string> = {
  noWindow: 'no mapper window after the earliest date',
  noInterpreter: 'no interpreter time in any window',
  noCapacity: 'no free slot left',
};
const MODE_TEXT = { inPerson: 'in person', video: 'video', phone: 'phone' } as const;

/** The plan by day, place and time; residents by id only (the input holds no names). */
function planText(input: PlanInput, plan: Plan): string {
  const places = new Map(input.places.map((p) => [p.id, p]));
  const slotMinutes = plan.sessions[0]?.slotMinutes ?? input.slotMinutes ?? DEFAULT_SLOT_MINUTES;
  const lines = [
    `Plan as of ${input.today}: ${input.residents.length} residents, ${input.windows.length} windows, ${slotMinutes}-minute slots`,
  ];
  let day = '';
  let where = '';
  for (const s of plan.sessions) {
    if (s.date !== day) {
      day = s.date;
      where = '';
      lines.push('', weekday(s.date));
    }
    const place = `${places.get(s.placeId)?.name ?? s.placeId} (${s.mapper})`;
    if (place !== where) {
      where = place;
      lines.push(`  ${place}`);
    }
    lines.push(`    ${s.start}–${s.end}  ${s.language.padEnd(4)} ${interpreterText(s)}  ${residentsText(s)}`);
  }
  if (plan.sessions.some((s) => s.slots.some((slot) => slot.busTicket))) {
    lines.push(
      '',
      `  * bus ticket: the place is more than ${input.busTicketKm ?? DEFAULT_BUS_TICKET_KM} km from the reception centre`,
    );
  }
  if (plan.late.length) {
    lines.push('', `Late: ${plan.late.length} whose deadline cannot be met (slotted after it)`);
    for (const l of plan.late) lines.push(`  ${l.residentId}  due ${l.deadline}, on ${l.date}: ${LATE_TEXT[l.reason]}`);
  }
  if (plan.unplaced.length) {
    lines.push('', `Unplaced: ${plan.unplaced.length} with no slot at all`);
    for (const u of plan.unplaced) {
      lines.push(`  ${u.residentId}  due ${u.deadline}: ${UNPLACED_TEXT[u.reason]} (${LATE_TEXT[u.lateReason]})`);
    }
  }
  const cost = (c: Plan['cost']) =>
    `${c.interpreterBookings} interpreter bookings, ${c.idleMinutes} idle minutes, ${c.deadlinesMissed} deadlines missed, ${c.unplaced} unplaced`;
  lines.push('', `Cost:        ${cost(plan.cost)}`, `Lower bound: ${cost(plan.lowerBound)}`);
  return lines.join('\n');
}

function interpreterText(s: Session): string {
  if (!s.interpreter) return 'no interpreter (shared language)';
  const category = s.interpreter.category ? `, category ${s.interpreter.category} or better` : '';
  return `interpreter ${MODE_TEXT[s.interpreter.mode]}${category}`;
}

function residentsText(s: Session): string {
  return s.slots
    .map((slot) => (slot.residentId === null ? '(empty)' : `${slot.residentId}${slot.busTicket ? '*' : ''}`))
    .join(' ');
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${WEEKDAYS[new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay()] ?? ''} ${date}`;
}
