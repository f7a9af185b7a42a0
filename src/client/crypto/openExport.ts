import { z } from 'zod';
import { ENTITIES, type Entity } from '../../protocol/entities.ts';
import type { OutboxRow, SyncedRow } from '../db/database.ts';
import { SEALED } from './clearFields.ts';
import { fromBase64, type Keyring } from './keyring.ts';
import { unwrapInWorker } from './keyWorkerClient.ts';
import { EXPORT_KEY_PATHS, SEALED_EXPORT_KIND, type SealedExport } from './sealedExport.ts';
import { openStoredRow } from './sealing.ts';

/** What an export holds once opened: the unsynced mutations and the local copy of each record they concern. */
export interface OpenedExport {
  exportedAt: string;
  /** The client id of the database the export was made on, if the file carries it. */
  clientId: string | null;
  /** In the order they were made (clientSeq on the tablet that made them). */
  mutations: OutboxRow[];
  records: { entity: Entity; record: SyncedRow & Record<string, unknown> }[];
}

/** The file is not an export of this app (not JSON, another kind, a missing keyring or table). */
export class NotAnExportError extends Error {
  constructor() {
    super('not a Kartlegg export');
  }
}

/** The keyring opened, but a row did not: the file was altered after it was made. */
export class DamagedExportError extends Error {
  constructor() {
    super('the export was altered');
  }
}

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const Rows = z.array(z.looseObject({ [SEALED]: Base64 }));

const ExportFile = z.object({
  kind: z.literal(SEALED_EXPORT_KIND),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  keyring: z.object({
    version: z.literal(1),
    salt: Base64,
    // Bounded: a crafted file must not keep the key worker busy for hours.
    iterations: z.number().int().positive().max(10_000_000),
    iv: Base64,
    wrappedKey: Base64,
  }) satisfies z.ZodType<Keyring>,
  // Every row sealed: a clear row could say anything, since nothing authenticates it.
  tables: z.record(z.string(), Rows).refine((tables) => 'outbox' in tables),
});

/** What an opened outbox row must look like before anything re-queues it (unknown fields dropped). */
const Mutation = z.object({
  clientSeq: z.number().int().positive(),
  mutationId: z.string().min(1),
  entity: z.enum(ENTITIES),
  entityId: z.string().min(1),
  changes: z.record(z.string(), z.object({ value: z.json(), baseVersion: z.number().int().nonnegative() })),
  resolves: z.array(z.string()).optional(),
  createdAt: z.number(),
  status: z.enum(['pending', 'rejected']),
  reason: z.string().optional(),
});

/** Reads the file's structure; NotAnExportError for anything else. Opens nothing: the keyring is not secret. */
function parseSealedExport(text: string): SealedExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NotAnExportError();
  }
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) throw new NotAnExportError();
  return parsed.data as SealedExport;
}

/**
 * Opens every row with the data key; DamagedExportError if any one fails (GCM's tag, or the additional
 * data of its table and primary key) or an opened mutation is malformed. All or nothing.
 */
function openSealedExport(file: SealedExport, dataKey: Uint8Array): OpenedExport {
  const opened: Record<string, Record<string, unknown>[]> = {};
  try {
    for (const [table, rows] of Object.entries(file.tables)) {
      const keyPath = EXPORT_KEY_PATHS[table] ?? 'id';
      opened[table] = rows.map(
        (row) =>
          openStoredRow(dataKey, table, row[keyPath], {
            ...row,
            [SEALED]: fromBase64(row[SEALED] as string),
          }) as Record<string, unknown>,
      );
    }
  } catch {
    throw new DamagedExportError();
  }
  const mutations = z.array(Mutation).safeParse(opened.outbox);
  if (!mutations.success) throw new DamagedExportError();
  const byId = new Map<string, SyncedRow & Record<string, unknown>>();
  for (const [table, rows] of Object.entries(opened)) {
    if (table in EXPORT_KEY_PATHS) continue;
    for (const row of rows)
      if (typeof row.id === 'string') byId.set(row.id, row as SyncedRow & Record<string, unknown>);
  }
  const records: OpenedExport['records'] = [];
  const seen = new Set<string>();
  for (const m of mutations.data) {
    const record = byId.get(m.entityId);
    if (record && !seen.has(m.entityId)) records.push({ entity: m.entity, record });
    seen.add(m.entityId);
  }
  const clientId = opened.meta?.find((row) => row.key === 'clientId')?.value;
  return {
    exportedAt: file.exportedAt,
    clientId: typeof clientId === 'string' ? clientId : null,
    mutations: (mutations.data as OutboxRow[]).toSorted((a, b) => a.clientSeq - b.clientSeq),
    records,
  };
}

/**
 * Opens an export file's text with the PIN it was made under: PBKDF2 in the key worker (by default),
 * then every row. NotAnExportError, WrongPinError (the keyring's GCM tag fails) or DamagedExportError;
 * the unwrapped key is zeroed once the rows are open.
 */
export async function openExportWithPin(
  text: string,
  pin: string,
  unwrap: (pin: string, keyring: Keyring) => Promise<Uint8Array> = unwrapInWorker,
): Promise<OpenedExport> {
  const file = parseSealedExport(text);
  const dataKey = await unwrap(pin, file.keyring);
  try {
    return openSealedExport(file, dataKey);
  } finally {
    dataKey.fill(0);
  }
}
