import { byDeadline } from '../../domain/roster/rosterOrder.ts';
import { additionalData, openAsync, sealAsync, webKey } from '../crypto/sealing.ts';
import { dataKeyOf, type KartleggDb, type ResidentRow } from './database.ts';
import type { JournalRow } from './residentJournal.ts';

/**
 * The roster's fast read. Opening 10,000 residents one sealed row at a time costs about 40 µs each
 * (a cipher set up per row, in JS or in WebCrypto alike); one blob of all of them opens in one native
 * decryption. So every stored resident row is also kept in a snapshot — the residents table's rows,
 * as JSON, sealed as one piece — and the journal (residentJournal.ts) lists every write to the
 * table since, in the same transaction as the write. A read is the snapshot with the journalled
 * rows read again over it: always exactly the table.
 *
 * The table stays the truth: the snapshot is only a cache of it, made again (and the journal
 * emptied) once enough has been written since, and a tablet without one simply reads every row.
 */

const KEY = 'residents';

/** Journalled resident ids from which a read makes the snapshot again. */
const REFRESH_AFTER = 200;

interface Stored {
  /** The stored snapshot's generation, usable or not; undefined when there is none. */
  gen: string | undefined;
  /** The snapshot to read, or undefined when there is none (or the journal voids it). */
  snapshot: { gen: string; blob: Uint8Array } | undefined;
  /** The journal rows read. */
  journal: JournalRow[];
  /** The rows read whole: the journalled ones (by id, undefined when gone), or every one. */
  fresh: Map<string, ResidentRow | undefined>;
  /** How many rows the table holds: what the result must count. */
  count: number;
}

/**
 * Every stored resident (tombstones too), in no particular order. Not inside a transaction: the
 * snapshot is opened with WebCrypto once the reading transaction is over.
 */
export async function readResidents(db: KartleggDb): Promise<ResidentRow[]> {
  const stored = await readStored(db);
  let rows = await merged(db, stored).catch(() => undefined);
  if (!rows || rows.length !== stored.count) {
    // A snapshot that does not open (altered, or sealed under another key) or does not add up is
    // only a lost cache: every row is read instead, and the snapshot made again from them.
    rows = await db.residents.toArray();
    stored.snapshot = undefined;
  }
  if (!stored.snapshot || journalledIds(stored.journal) >= REFRESH_AFTER) {
    const read = rows;
    // Outside this read (and a live query's context, which allows no writes). A cache: a failed
    // refresh only means the next read is slower.
    setTimeout(() => void refreshSnapshot(db, stored, read).catch(() => undefined), 0);
  }
  return rows;
}

/** The snapshot's rows with the journalled ones over them. */
async function merged(db: KartleggDb, stored: Stored): Promise<ResidentRow[]> {
  const byId = new Map<string, ResidentRow>();
  if (stored.snapshot) for (const row of await openSnapshot(db, stored.snapshot)) byId.set(row.id, row);
  for (const [id, row] of stored.fresh) {
    if (row) byId.set(id, row);
    else byId.delete(id);
  }
  return [...byId.values()];
}

/** One read transaction: what the snapshot cannot give is read whole in it. */
function readStored(db: KartleggDb): Promise<Stored> {
  return db.transaction('r', [db.residents, db.residentJournal, db.snapshots], async () => {
    const [stored, journal, count] = await Promise.all([
      db.snapshots.get(KEY),
      db.residentJournal.toArray(),
      // Counting the whole table also tells a live query reading this of every write to it.
      db.residents.count(),
    ]);
    const gen = stored?.gen;
    if (!stored || journal.some((row) => row.all)) {
      const rows = await db.residents.toArray();
      return { gen, snapshot: undefined, journal, count, fresh: new Map(rows.map((row) => [row.id, row])) };
    }
    const ids = [...new Set(journal.flatMap((row) => row.ids ?? []))];
    const rows = await db.residents.bulkGet(ids);
    const fresh = new Map(ids.map((id, i) => [id, rows[i]]));
    return { gen, snapshot: { gen: stored.gen, blob: stored.blob }, journal, count, fresh };
  });
}

function journalledIds(journal: readonly JournalRow[]): number {
  return journal.reduce((sum, row) => sum + (row.ids?.length ?? 0), 0);
}

const aad = (gen: string) => additionalData('snapshots', [KEY, gen]);

async function openSnapshot(db: KartleggDb, snapshot: { gen: string; blob: Uint8Array }): Promise<ResidentRow[]> {
  return (await openAsync(await webKey(dataKeyOf(db)), snapshot.blob, aad(snapshot.gen))) as ResidentRow[];
}

/**
 * Makes the snapshot again from a read's rows and deletes the journal rows that read took in. Only if
 * the snapshot is still the one that read saw: else another tab made a newer one meanwhile. Journal
 * rows added after the read stay, and are read over this snapshot next time.
 */
async function refreshSnapshot(db: KartleggDb, read: Stored, rows: readonly ResidentRow[]): Promise<void> {
  if (!db.isOpen()) return;
  const gen = crypto.randomUUID();
  // Stored in the roster's order: sorting it again after a read is then one pass.
  const blob = await sealAsync(await webKey(dataKeyOf(db)), [...rows].sort(byDeadline), aad(gen));
  await db.transaction('rw', [db.snapshots, db.residentJournal], async () => {
    if ((await db.snapshots.get(KEY))?.gen !== read.gen) return;
    await db.snapshots.put({ key: KEY, gen, blob });
    await db.residentJournal.bulkDelete(read.journal.map((row) => row.id));
  });
}
