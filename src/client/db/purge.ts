import { DEFAULT_TABLET_PURGE_DAYS, MAX_TABLET_PURGE_DAYS } from '../../protocol/settings.ts';
import type { KartleggDb } from './database.ts';
import { COMPLETE_STATUS } from './mappings.ts';
import { getMeta, setMeta } from './meta.ts';

const DAY_MS = 86_400_000;

/** What the decision reads of a resident row. */
export interface PurgeResident {
  id: string;
  deleted?: boolean | undefined;
  updatedAt: number;
  /** From the roster import: still on the NIR lists when listed and not marked unlisted. */
  listedOn?: string | null | undefined;
  unlisted?: boolean | undefined;
}

/** What the decision reads of a mapping row. */
export interface PurgeMapping extends PurgeResident {
  residentId?: unknown;
  status?: unknown;
}

export interface PurgeInput {
  /** The residents the mappings name (a missing one is simply absent). */
  residents: readonly PurgeResident[];
  mappings: readonly PurgeMapping[];
  /** Ids of records with an outbox row (pending or rejected: an applied row has left the outbox). */
  unsynced: ReadonlySet<string>;
  /** Ids of records with an open conflict. */
  conflicted: ReadonlySet<string>;
  /** The `purgeClock` meta value: per resident id, when a sync first found it finished and synced. */
  clock: Readonly<Record<string, number>>;
  now: number;
  purgeDays: number;
}

export interface PurgeDecision {
  residentIds: string[];
  mappingIds: string[];
  /** The clock to store: finished residents still kept, nothing else. */
  clock: Record<string, number>;
}

/**
 * Which residents leave the tablet (docs/retention.md). A resident is grouped with its mappings (the
 * mappings' `residentId`). The group is **finished** when every mapping that is not deleted is complete
 * (and there is one), or when nothing in it is left but tombstones (the server erased or someone
 * deleted it). It is **synced** when none of its records has an outbox row (pending or rejected) or an
 * open conflict: such a group is never purged, whatever the days, so no unsynced edit, rejected change
 * or undecided clash can vanish with it.
 *
 * The days count from the later of: the first sync that found the group finished and synced (the
 * clock), and the last change of any of its rows on this tablet (`updatedAt`). A row's `updatedAt` alone
 * is not enough: a mapping pulled before another tablet completed it keeps the time it first arrived.
 * Pure: the caller reads the rows and writes the outcome.
 */
export function decidePurge(input: PurgeInput): PurgeDecision {
  const residents = new Map(input.residents.map((r) => [r.id, r]));
  const groups = new Map<string, PurgeMapping[]>();
  for (const m of input.mappings) {
    const key = typeof m.residentId === 'string' ? m.residentId : m.id;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const decision: PurgeDecision = { residentIds: [], mappingIds: [], clock: {} };
  for (const [key, mappings] of groups) {
    const resident = residents.get(key);
    const live = mappings.filter((m) => !m.deleted);
    const finished =
      live.length > 0
        ? live.every((m) => m.status === COMPLETE_STATUS)
        : resident === undefined || resident.deleted === true;
    // Still on the weekly NIR lists: purged now, next week's import would add the resident again as
    // someone new (and the server would get a duplicate). Kept until the lists drop them.
    const stillListed = resident?.listedOn != null && resident.unlisted !== true && resident.deleted !== true;
    if (!finished || stillListed) continue;
    const ids = [key, ...mappings.map((m) => m.id)];
    const synced = !ids.some((id) => input.unsynced.has(id) || input.conflicted.has(id));
    const started = input.clock[key] ?? (synced ? input.now : undefined);
    if (started === undefined) continue;
    const since = Math.max(started, resident?.updatedAt ?? 0, ...mappings.map((m) => m.updatedAt));
    if (synced && input.now - since >= input.purgeDays * DAY_MS) {
      if (resident) decision.residentIds.push(key);
      decision.mappingIds.push(...mappings.map((m) => m.id));
    } else {
      decision.clock[key] = started;
    }
  }
  return decision;
}

/** The purge days this tablet last heard from the server, or the default (14). */
export async function tabletPurgeDays(db: KartleggDb): Promise<number> {
  const days = await getMeta(db, 'tabletPurgeDays');
  return days !== undefined && Number.isInteger(days) && days >= 0 && days <= MAX_TABLET_PURGE_DAYS
    ? days
    : DEFAULT_TABLET_PURGE_DAYS;
}

/**
 * Removes the finished, synced residents whose days have passed (decidePurge), with their mappings and
 * the (resolved) conflicts that still hold their values, in ONE transaction. Run after a successful
 * sync. The cursor stays: a purged record comes back only when it changes on the server.
 */
export async function purgeFinished(
  db: KartleggDb,
  now = Date.now(),
): Promise<{ residents: number; mappings: number }> {
  return db.transaction('rw', [db.residents, db.mappings, db.outbox, db.conflicts, db.meta], async () => {
    const mappings = await db.mappings.toArray();
    const residentIds = [...new Set(mappings.map((m) => (typeof m.residentId === 'string' ? m.residentId : m.id)))];
    const residents = (await db.residents.bulkGet(residentIds)).filter((r) => r !== undefined);
    const ids = [...residentIds, ...mappings.map((m) => m.id)];
    const outbox = await db.outbox.where('entityId').anyOf(ids).toArray();
    const open = await db.conflicts.where('status').equals('open').toArray();
    const decision = decidePurge({
      residents,
      mappings,
      unsynced: new Set(outbox.map((o) => o.entityId)),
      conflicted: new Set(open.map((c) => c.entityId)),
      clock: (await getMeta(db, 'purgeClock')) ?? {},
      now,
      purgeDays: await tabletPurgeDays(db),
    });
    const purged = [...decision.residentIds, ...decision.mappingIds];
    if (purged.length) {
      await db.residents.bulkDelete(decision.residentIds);
      await db.mappings.bulkDelete(decision.mappingIds);
      await db.conflicts.where('entityId').anyOf(purged).delete();
    }
    await setMeta(db, 'purgeClock', decision.clock);
    return { residents: decision.residentIds.length, mappings: decision.mappingIds.length };
  });
}
