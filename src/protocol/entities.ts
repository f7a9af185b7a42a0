import { z } from 'zod';
import type { RosterClass } from '../domain/roster/classify.ts';
import { INTERPRETER_CATEGORIES, INTERPRETER_MODES, PLACE_KINDS } from '../domain/planning/model.ts';
import { MAX_SESSION_SLOTS, SLOT_STATUSES } from '../domain/planning/records.ts';
import { CLOCK_PATTERN } from '../domain/planning/time.ts';

/**
 * The kinds of record that sync carries, and what each field may hold. Sync itself is generic: it
 * moves named fields with versions. What a field may contain is checked here, on both sides, so a
 * bad value is refused on the device before it is queued and rejected by the server if it gets there.
 */
export const ENTITIES = ['resident', 'mapping', 'place', 'plannedSession'] as const;
export type Entity = (typeof ENTITIES)[number];

/** Property names the device uses for its own bookkeeping on a stored row; never field names. */
export const RESERVED_FIELDS: ReadonlySet<string> = new Set(['id', 'versions', 'updatedAt']);

export const FieldName = z
  .string()
  .regex(/^[a-z][A-Za-z0-9_]{0,63}$/)
  .refine((name) => !RESERVED_FIELDS.has(name), 'reserved field name');

/**
 * Any JSON value up to 4 KB once serialised: an answer, a date, a list of codes. Never U+0000:
 * PostgreSQL's jsonb cannot store it, so the device refuses it before it is queued.
 */
export const FieldValue = z
  .json()
  .refine((v) => JSON.stringify(v).length <= 4096, 'value too large')
  .refine((v) => !JSON.stringify(v).includes('\\u0000'), 'NUL character');
export type FieldValue = z.infer<typeof FieldValue>;

const Name = z.string().trim().min(1).max(100);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ShortText = z.string().trim().min(1).max(200);
const Clock = z.string().regex(CLOCK_PATTERN);

// A planned session's slot (src/domain/planning/records.ts): who comes when, and whether they came.
const SessionSlot = z.strictObject({
  start: Clock,
  end: Clock,
  residentId: z.uuid().nullable(),
  status: z.enum(SLOT_STATUSES),
  locked: z.boolean(),
});

const SessionInterpreter = z.strictObject({
  language: ShortText,
  category: z.enum(INTERPRETER_CATEGORIES).nullable(),
  mode: z.enum(INTERPRETER_MODES),
  name: Name.nullable().optional(),
  registerId: z.string().trim().min(1).max(40).nullable().optional(),
});
// Spelled out (not imported) so the protocol does not pull the roster code into every chunk.
const ROSTER_CLASS_VALUES = [
  'targetGroup',
  'exempt',
  'outsideAge',
  'onlyInA',
  'onlyInB',
  'needsReview',
] as const satisfies readonly RosterClass[];

interface EntityDefinition {
  /** Schemas of the fields this entity knows. */
  fields: Record<string, z.ZodType>;
  /** Whether other (well-named) fields are accepted as plain JSON values. */
  open: boolean;
  /** Fields a record must have when a mutation creates it. */
  requiredOnCreate: readonly string[];
}

export const ENTITY_DEFINITIONS: Record<Entity, EntityDefinition> = {
  // What the roster needs from the NIR lists, and nothing more: no national id number is stored
  // (the DUF number is the key; name + birth date the fallback).
  resident: {
    fields: {
      givenName: Name,
      familyName: Name,
      birthDate: IsoDate.nullable(),
      deleted: z.boolean(),
      duf: z
        .string()
        .regex(/^\d{12}$/)
        .nullable(),
      gender: z.enum(['female', 'male', 'unspecified']).nullable(),
      citizenship: ShortText.nullable(),
      language: ShortText.nullable(),
      receptionCentre: ShortText.nullable(),
      permitDate: IsoDate.nullable(),
      permitType: ShortText.nullable(),
      /** The classification of the last import (src/domain/roster/classify.ts). */
      rosterClass: z.enum(ROSTER_CLASS_VALUES).nullable(),
      /** Permit date + the municipality's deadline days. */
      deadline: IsoDate.nullable(),
      /** Date of the last import that listed the person; `unlisted` once an import no longer does. */
      listedOn: IsoDate.nullable(),
      unlisted: z.boolean(),
    },
    open: false,
    requiredOnCreate: ['givenName', 'familyName'],
  },
  // The answers are fields named by question id; the mapping-form definition checks them further.
  mapping: {
    fields: { residentId: z.uuid(), deleted: z.boolean() },
    open: true,
    requiredOnCreate: ['residentId'],
  },
  // A mapping location or a reception centre: where sessions happen, and where residents live (the
  // straight line between them decides the bus ticket).
  place: {
    fields: {
      name: Name,
      kind: z.enum(PLACE_KINDS),
      address: ShortText.nullable(),
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      deleted: z.boolean(),
    },
    open: false,
    requiredOnCreate: ['name', 'kind', 'lat', 'lon'],
  },
  // An accepted session ('session' is the sign-in on the device). The slots are one field, so they
  // fit a field's 4 KB: at most MAX_SESSION_SLOTS (a working day of 15-minute slots).
  plannedSession: {
    fields: {
      date: IsoDate,
      start: Clock,
      end: Clock,
      placeId: z.uuid(),
      mapper: Name,
      slotMinutes: z.number().int().min(5).max(480),
      language: ShortText,
      interpreter: SessionInterpreter.nullable(),
      slots: z.array(SessionSlot).min(1).max(MAX_SESSION_SLOTS),
      deleted: z.boolean(),
    },
    open: false,
    requiredOnCreate: ['date', 'start', 'end', 'placeId', 'mapper', 'slotMinutes', 'language', 'interpreter', 'slots'],
  },
};

/** Why a field value is not acceptable for this entity, or null when it is. */
export function fieldProblem(entity: Entity, field: string, value: unknown): string | null {
  const definition = ENTITY_DEFINITIONS[entity];
  const schema = definition.fields[field] ?? (definition.open ? FieldValue : undefined);
  if (!schema) return `unknown field ${field}`;
  const parsed = schema.safeParse(value);
  return parsed.success ? null : `bad value for ${field}`;
}
