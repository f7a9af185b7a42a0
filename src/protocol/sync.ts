import { z } from 'zod';
import { ENTITIES, FieldName, FieldValue, fieldProblem } from './entities.ts';
import { MunicipalitySettings } from './settings.ts';

/** The sync protocol; docs/sync-protocol.md is its prose. */

export const FieldChange = z.object({
  value: FieldValue,
  /** The field version the device had seen when the user made the change; 0 = no value seen. */
  baseVersion: z.number().int().nonnegative(),
});
export type FieldChange = z.infer<typeof FieldChange>;

const Uuid = z.uuid();

export const Mutation = z
  .object({
    /** UUIDv7 made on the device; the idempotency key. */
    id: Uuid,
    /** Increases by one per mutation on a client; the outbox drains in this order. */
    clientSeq: z.number().int().positive(),
    entity: z.enum(ENTITIES),
    entityId: Uuid,
    changes: z.record(FieldName, FieldChange),
    /** Conflicts this mutation resolves (a resolution is itself a mutation). */
    resolves: z.array(Uuid).max(100).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const fields = Object.keys(m.changes);
    if (fields.length === 0 && !m.resolves?.length) ctx.addIssue({ code: 'custom', message: 'no changes' });
    if (fields.length > 200) ctx.addIssue({ code: 'custom', message: 'too many changes' });
    for (const field of fields) {
      const problem = fieldProblem(m.entity, field, m.changes[field]?.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['changes', field], message: problem });
    }
  });
export type Mutation = z.infer<typeof Mutation>;

/** Protocol 1 (the walking skeleton): a tablet that only ever created residents. */
export const MutationV1 = z.object({
  id: Uuid,
  clientSeq: z.number().int().positive(),
  entity: z.literal('resident'),
  entityId: Uuid,
  op: z.literal('upsert'),
  fields: z.record(z.string(), z.unknown()),
});

/** A protocol-1 mutation as protocol 2 reads it: every field a change on base version 0. */
export function upgradeMutationV1(raw: unknown): unknown {
  const v1 = MutationV1.safeParse(raw);
  if (!v1.success) return raw;
  const { id, clientSeq, entity, entityId, fields } = v1.data;
  const rest = { id, clientSeq, entity, entityId };
  const changes = Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, baseVersion: 0 }]));
  return { ...rest, changes };
}

/**
 * The envelope is checked strictly; each mutation only for its id and sequence number, so that one
 * malformed mutation is stored as rejected and acknowledged instead of blocking the whole queue.
 */
export const PushRequest = z.object({
  protocol: z.number().int(),
  deviceId: Uuid,
  /** Names this client's mutation stream across sign-ins. Required from protocol 2. */
  clientId: Uuid.optional(),
  mutations: z.array(z.looseObject({ id: Uuid, clientSeq: z.number().int().positive() })).max(500),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const REJECT_REASONS = ['invalid', 'not_found', 'incomplete_new_record', 'duplicate_id', 'forbidden'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const MutationResult = z.object({
  id: Uuid,
  status: z.enum(['applied', 'rejected']),
  /** The municipality version that stamped the mutation (applied only). */
  version: z.number().int().optional(),
  /** Fields that were not applied because the server's value had changed: each is now a conflict. */
  conflicted: z.array(z.string()).optional(),
  /** Why the server refused it (rejected only): a code the client shows in plain words. */
  reason: z.string().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  results: z.array(MutationResult),
  lastClientSeq: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponse>;

const QueryInt = (max: number) => z.coerce.number().int().min(0).max(max);

export const PullQuery = z.object({
  protocol: QueryInt(1_000),
  cursor: QueryInt(Number.MAX_SAFE_INTEGER),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type PullQuery = z.infer<typeof PullQuery>;

export const RecordSnapshot = z.object({
  entity: z.enum(ENTITIES),
  id: Uuid,
  version: z.number().int(),
  fields: z.record(z.string(), z.json()),
  fieldVersions: z.record(z.string(), z.number().int()),
});
export type RecordSnapshot = z.infer<typeof RecordSnapshot>;

export const ConflictRecord = z.object({
  id: Uuid,
  entity: z.enum(ENTITIES),
  entityId: Uuid,
  field: z.string(),
  /** The value the device had seen (null when it had seen none). */
  base: z.json().nullable(),
  baseVersion: z.number().int(),
  /** The server's value when the clash was found; it stays until a person resolves the conflict. */
  theirs: z.json().nullable(),
  theirsVersion: z.number().int(),
  theirsBy: z.string().nullable(),
  /** The value the device wrote. */
  mine: z.json(),
  mineBy: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  resolution: z.object({ value: z.json().nullable(), by: z.string(), at: z.string() }).nullable(),
});
export type ConflictRecord = z.infer<typeof ConflictRecord>;

export const PullResponse = z.object({
  /** The cursor is unknown here: drop the synced copy (never the outbox) and pull from 0. */
  reset: z.boolean(),
  cursor: z.number().int(),
  more: z.boolean(),
  lastClientSeq: z.number().int(),
  records: z.array(RecordSnapshot),
  conflicts: z.array(ConflictRecord),
  /**
   * The municipality's settings as they are now. Partial and optional: a server from before a setting
   * existed sends fewer (or none), and the tablet keeps what it had for the rest.
   */
  settings: MunicipalitySettings.partial().optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;
