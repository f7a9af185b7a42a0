import { z } from 'zod';
import type { RosterClass } from '../domain/roster/classify.ts';

/**
 * The kinds of record that sync carries, and what each field may hold. Sync itself is generic: it
 * moves named fields with versions. What a field may contain is checked here, on both sides, so a
 * bad value is refused on the device before it is queued and rejected by the server if it gets there.
 */
export const ENTITIES = ['resident', 'mapping'] as const;
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
};

/** Why a field value is not acceptable for this entity, or null when it is. */
export function fieldProblem(entity: Entity, field: string, value: unknown): string | null {
  const definition = ENTITY_DEFINITIONS[entity];
  const schema = definition.fields[field] ?? (definition.open ? FieldValue : undefined);
  if (!schema) return `unknown field ${field}`;
  const parsed = schema.safeParse(value);
  return parsed.success ? null : `bad value for ${field}`;
}
