import { z } from 'zod';

/**
 * The minimal push of the walking skeleton: field-level changes to residents. The full protocol
 * (per-field base versions, conflicts, pull) is specified in docs/sync-protocol.md by the sync issue;
 * this shape is its subset, so a later server still accepts it.
 */
export const ResidentFieldValues = z
  .object({
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    birthDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
  })
  .partial()
  .strict();
export type ResidentFieldValues = z.infer<typeof ResidentFieldValues>;

export const Mutation = z.object({
  /** UUIDv7 made on the device; the idempotency key. */
  id: z.string().uuid(),
  /** Increases by one per mutation on a device; the server records the highest it has seen. */
  clientSeq: z.number().int().positive(),
  entity: z.literal('resident'),
  entityId: z.string().uuid(),
  op: z.enum(['upsert']),
  fields: ResidentFieldValues,
});
export type Mutation = z.infer<typeof Mutation>;

/**
 * The envelope is checked strictly; each mutation only for its id and sequence number, so that one
 * malformed mutation is stored as rejected and acknowledged instead of blocking the whole queue.
 */
export const PushRequest = z.object({
  protocol: z.number().int(),
  deviceId: z.string().uuid(),
  mutations: z.array(z.looseObject({ id: z.string().uuid(), clientSeq: z.number().int().positive() })).max(500),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationResult = z.object({
  id: z.string().uuid(),
  status: z.enum(['applied', 'rejected']),
  /** The municipality version that stamped the change (applied only). */
  version: z.number().int().optional(),
  /** Why the server refused it (rejected only): a code the client shows in plain words. */
  reason: z.string().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  results: z.array(MutationResult),
  lastClientSeq: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponse>;
