import { z } from 'zod';

/**
 * `GET /api/records/:entity/:id/history`: every value ever applied to a record's fields, oldest first.
 * The sync simulation reads it to prove that no written value was lost (docs/sync-protocol.md).
 */
export const FieldHistoryEntry = z.object({
  field: z.string(),
  value: z.json(),
  /** The municipality version that applied the value. */
  version: z.number().int(),
  /** The name of the user who wrote it; null for data migrated from before sync protocol 2. */
  by: z.string().nullable(),
  at: z.string(),
});
export type FieldHistoryEntry = z.infer<typeof FieldHistoryEntry>;

export const RecordHistoryResponse = z.array(FieldHistoryEntry);
export type RecordHistoryResponse = z.infer<typeof RecordHistoryResponse>;
