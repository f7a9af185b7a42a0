import type { JsonValue } from '../domain/sync/json.ts';
import type { Entity } from '../protocol/entities.ts';
import type { Rng } from './random.ts';

/** The answer fields a simulated mapping fills in (the real form's questions are ids like these). */
export const ANSWER_FIELDS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'] as const;
export const RESIDENT_FIELDS = ['givenName', 'familyName', 'birthDate'] as const;

const DAY_MS = 86_400_000;
const FIRST_BIRTH_DATE = Date.UTC(1940, 0, 1);

/**
 * Synthetic values (never personal data), each one unique in the run: tablet `t` of `n` makes its
 * k-th value from the number k·n + t. So a value found on the server can only be that one write, and
 * "lost" is exact; equal values written twice could hide a loss.
 */
export class ValueMaker {
  private written = 0;

  constructor(
    private readonly tablet: number,
    private readonly tablets: number,
  ) {}

  value(entity: Entity, field: string, rng: Rng): JsonValue {
    const k = ++this.written;
    const unique = k * this.tablets + this.tablet;
    const tag = `${this.tablet}.${k}`;
    if (field === 'deleted') return rng.chance(0.5);
    if (entity === 'resident') {
      if (field === 'givenName') return `Given ${tag}`;
      if (field === 'familyName') return `Family ${tag}`;
      if (field === 'birthDate')
        return new Date(FIRST_BIRTH_DATE + (unique % 30_000) * DAY_MS).toISOString().slice(0, 10);
      throw new Error(`no synthetic value for resident.${field}`);
    }
    // Answers of every JSON shape, so that PostgreSQL's jsonb (which reorders object keys) is exercised.
    switch (rng.int(0, 3)) {
      case 0:
        return `answer ${tag}`;
      case 1:
        return unique;
      case 2:
        return ['a', tag, k % 7];
      default:
        return { note: tag, choice: rng.pick(['a', 'b', 'c']), level: k % 5 };
    }
  }
}
