import { byDeadline } from '../../domain/roster/rosterOrder.ts';
import { additionalData, openAsync, sealJsonAsync, webKey } from '../crypto/sealing.ts';
import {
  dataKeyOf,
  ROSTER_FIELDS,
  type KartleggDb,
  type ResidentRow,
  type RosterRow,
  type SnapshotRow,
} from './database.ts';
import type { JournalRow } from './residentJournal.ts';

/**
 * The roster's fast read: every resident as the roster lists it (RosterRow). Opening 10,000 residents
 * one sealed row at a time costs about 40 µs each (a cipher set up per row, in JS or in WebCrypto
 * alike): over a second after every unlock. So the residents are also kept in a snapshot: their
 * roster fields, as positional JSON with a dictionary, sealed with WebCrypto in parts; the journal
 * (residentJournal.ts) lists every write to the table since, in the same transaction as the write.
 * A read is the snapshot with the journalled rows read again over it: always exactly the table.
 *
 * Why it is shaped so: IndexedDB reads about 13 MB/s here, so bytes are the cost (11,000 residents
 * were 4.7 MB as whole rows: 350 ms just to read; 1.6 MB with the roster fields alone, 1.2 MB with
 * the dictionary). The parts open in parallel.
 *
 * The table stays the truth: the snapshot is only a cache of it, made again (and the journal
 * emptied) once enough has been written since, and a tablet without one simply reads every row.
 */

/** The parts' keys: `residents/0`, `residents/1`, … */
const PREFIX = 'residents/';

/**
 * Residents per part: about 150 KB each. Each part is one IndexedDB value and one WebCrypto
 * decryption, opened in parallel; measured in the bench, 11,000 residents read fastest in parts of
 * this size (in parts under 64 KB, 40 of them, the read took twice as long).
 */
const PART_ROWS = 1500;

/** Journalled resident ids from which a read makes the snapshot again. */
const REFRESH_AFTER = 200;

interface Stored {
  /** The stored snapshot's generation, usable or not; undefined when there is none. */
  gen: string | undefined;
  /** The snapshot to read, or undefined when there is none (or the journal voids it). */
  snapshot: SnapshotRow[] | undefined;
  /** The journal rows read. */
  journal: JournalRow[];
  /** The rows read whole: the journalled ones (by id, undefined when gone), or every one. */
  fresh: Map<string, RosterRow | undefined>;
  /** How many rows the table holds: what the result must count. */
  count: number;
}

/**
 * Every stored resident (tombstones too), in no particular order. Not inside a transaction: the
 * snapshot is opened with WebCrypto once the reading transaction is over.
 */
export async function readResidents(db: KartleggDb): Promise<RosterRow[]> {
  const stored = await readStored(db);
  let rows = await merged(db, stored).catch(() => undefined);
  if (!rows || rows.length !== stored.count) {
    // A snapshot that does not open (altered, or sealed under another key) or does not add up is
    // only a lost cache: every row is read instead, and the snapshot made again from them.
    rows = await readAll(db);
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
async function merged(db: KartleggDb, stored: Stored): Promise<RosterRow[]> {
  const snapshot = stored.snapshot ? await openSnapshot(db, stored.snapshot) : [];
  // Nothing written since the snapshot: the usual case after an unlock.
  if (!stored.fresh.size) return snapshot;
  const byId = new Map<string, RosterRow>();
  for (const row of snapshot) byId.set(row.id, row);
  for (const [id, row] of stored.fresh) {
    if (row) byId.set(id, row);
    else byId.delete(id);
  }
  return [...byId.values()];
}

/**
 * One read transaction: what the snapshot cannot give is read whole in it. Answered as soon as its
 * reads are done: waiting for a read-only transaction to commit adds nothing to them but time (about
 * 30 ms after an unlock, while the app's other first reads finish).
 */
function readStored(db: KartleggDb): Promise<Stored> {
  return new Promise((resolve, reject) => {
    db.transaction('r', [db.residents, db.residentJournal, db.snapshots], async () => {
      resolve(await storedIn(db));
    }).catch(reject);
  });
}

/** readStored's reads, inside its transaction. */
async function storedIn(db: KartleggDb): Promise<Stored> {
  const [parts, journal, count] = await Promise.all([
    snapshotParts(db),
    db.residentJournal.toArray(),
    // Counting the whole table also tells a live query reading this of every write to it.
    db.residents.count(),
  ]);
  const gen = generation(parts);
  if (!complete(parts) || journal.some((row) => row.all)) {
    const rows = await readAll(db);
    return { gen, snapshot: undefined, journal, count, fresh: new Map(rows.map((row) => [row.id, row])) };
  }
  const ids = [...new Set(journal.flatMap((row) => row.ids ?? []))];
  const rows = await db.residents.bulkGet(ids);
  const fresh = new Map(ids.map((id, i) => [id, rows[i] && rosterRow(rows[i])]));
  return { gen, snapshot: parts, journal, count, fresh };
}

/** Every stored row, opened one by one: the way without a snapshot. */
async function readAll(db: KartleggDb): Promise<RosterRow[]> {
  return (await db.residents.toArray()).map(rosterRow);
}

/** The roster's fields of a stored row. */
function rosterRow(row: ResidentRow): RosterRow {
  const out: Record<string, unknown> = {};
  for (const field of ROSTER_FIELDS) if (row[field] !== undefined) out[field] = row[field];
  return out as RosterRow;
}

/**
 * A part as stored: its rows' values in ROSTER_FIELDS order, without the names (a third of the
 * bytes), and a dictionary of the strings that recur in it (languages, centres, deadlines, classes,
 * common names: a quarter of what is left). No roster field ever holds a number, so numbers are
 * free to stand for these: 0 for a field the row does not have, n for the dictionary's nth string.
 */
type EncodedPart = [dictionary: string[], rows: unknown[][]];

function encodePart(rows: readonly RosterRow[]): EncodedPart {
  const values = rows.map((row) => ROSTER_FIELDS.map((field): unknown => row[field]));
  const seen = new Map<string, number>();
  for (const row of values) for (const v of row) if (typeof v === 'string') seen.set(v, (seen.get(v) ?? 0) + 1);
  const dictionary = [...seen].filter(([, times]) => times > 1).map(([text]) => text);
  const number = new Map(dictionary.map((text, i) => [text, i + 1]));
  const encoded = values.map((row) => {
    const out = row.map((v) => (v === undefined ? 0 : typeof v === 'string' ? (number.get(v) ?? v) : v));
    while (out.at(-1) === 0) out.pop();
    return out;
  });
  return [dictionary, encoded];
}

function decodePart([dictionary, rows]: EncodedPart): RosterRow[] {
  return rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== 0) row[ROSTER_FIELDS[i] as string] = typeof v === 'number' ? dictionary[v - 1] : v;
    }
    return row as RosterRow;
  });
}

function journalledIds(journal: readonly JournalRow[]): number {
  return journal.reduce((sum, row) => sum + (row.ids?.length ?? 0), 0);
}

function snapshotParts(db: KartleggDb): Promise<SnapshotRow[]> {
  return db.snapshots
    .where('key')
    .startsWith(PREFIX)
    .toArray()
    .then((rows) => rows.sort((a, b) => a.part - b.part));
}

/** The parts' generation; undefined when there are none, 'mixed' if they disagree (never written so). */
function generation(parts: readonly SnapshotRow[]): string | undefined {
  const gens = new Set(parts.map((p) => p.gen));
  return gens.size > 1 ? 'mixed' : parts[0]?.gen;
}

/** Every part of one snapshot, each once. */
function complete(parts: readonly SnapshotRow[]): boolean {
  return (
    parts.length > 0 && generation(parts) !== 'mixed' && parts.every((p, i) => p.part === i && p.parts === parts.length)
  );
}

/**
 * The parts' format (EncodedPart), in their additional data: a part written in another format (by an
 * older version of the app) does not open, so the rows are read whole and the snapshot made again.
 */
const FORMAT = 2;

const aad = (p: Pick<SnapshotRow, 'gen' | 'part' | 'parts'>) =>
  additionalData('snapshots', [PREFIX, FORMAT, p.gen, p.part, p.parts]);

async function openSnapshot(db: KartleggDb, parts: readonly SnapshotRow[]): Promise<RosterRow[]> {
  const key = await webKey(dataKeyOf(db));
  // Decrypted in parallel (WebCrypto's own threads); each part parsed as soon as it is open.
  const opened = await Promise.all(parts.map((p) => openAsync(key, p.blob, aad(p)) as Promise<EncodedPart>));
  return opened.flatMap(decodePart);
}

/** The rows in parts of PART_ROWS. */
function partsOf<T>(rows: readonly T[]): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < rows.length || !parts.length; start += PART_ROWS)
    parts.push(rows.slice(start, start + PART_ROWS));
  return parts;
}

/**
 * Makes the snapshot again from a read's rows and deletes the journal rows that read took in. Only if
 * the snapshot is still the one that read saw: else another tab made a newer one meanwhile. Journal
 * rows added after the read stay, and are read over this snapshot next time.
 */
async function refreshSnapshot(db: KartleggDb, read: Stored, rows: readonly RosterRow[]): Promise<void> {
  if (!db.isOpen()) return;
  const gen = crypto.randomUUID();
  const key = await webKey(dataKeyOf(db));
  // Stored in the roster's order: sorting it again after a read is then one pass.
  const chunks = partsOf([...rows].sort(byDeadline));
  const parts = await Promise.all(
    chunks.map(async (chunk, part): Promise<SnapshotRow> => {
      const meta = { gen, part, parts: chunks.length };
      return {
        key: `${PREFIX}${part}`,
        ...meta,
        blob: await sealJsonAsync(key, JSON.stringify(encodePart(chunk)), aad(meta)),
      };
    }),
  );
  await db.transaction('rw', [db.snapshots, db.residentJournal], async () => {
    const current = await snapshotParts(db);
    if (generation(current) !== read.gen) return;
    await db.snapshots.bulkDelete(current.map((p) => p.key));
    await db.snapshots.bulkPut(parts);
    await db.residentJournal.bulkDelete(read.journal.map((row) => row.id));
  });
}
