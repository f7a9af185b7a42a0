import type { DBCore, DBCoreCursor, DBCoreTable, DBCoreTableSchema, Middleware } from 'dexie';
import { CLEAR_FIELDS, DROPPED_INDEXES, SEALED } from './clearFields.ts';
import { openStoredRow, sealStoredRow } from './sealing.ts';

type Row = Record<string, unknown>;

/** The clear fields of a table (the primary key always), checked against its indexes. */
function clearFieldsOf(schema: DBCoreTableSchema): ReadonlySet<string> {
  const keyPath = schema.primaryKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`table ${schema.name}: only an inbound single key is supported`);
  const clear = new Set([keyPath, ...(CLEAR_FIELDS[schema.name] ?? [])]);
  const dropped = new Set(DROPPED_INDEXES[schema.name]);
  for (const index of schema.indexes) {
    const paths = Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath];
    for (const path of paths) {
      if (path && !clear.has(path) && !dropped.has(path))
        throw new Error(`table ${schema.name}: index ${path} is on a sealed field`);
    }
  }
  return clear;
}

/**
 * Seals every row on its way into IndexedDB and opens it on the way out, below every other Dexie
 * layer (hooks, live queries and the cache see clear rows). Synchronous on purpose: Dexie
 * transactions (recordChange's read-modify-write) must not await anything but IndexedDB.
 * A row without a sealed part (written before encryption) reads through as it is; the schema's v3
 * upgrade re-writes every row so none stays that way.
 */
export function encryptionMiddleware(key: () => Uint8Array): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'encryption',
    // Lower levels sit nearer IndexedDB; Dexie's own lowest is -1.
    level: -10,
    create: (down) => {
      // Dexie asks for a table in every transaction: each is wrapped (and its schema checked) once.
      const tables = new Map<string, DBCoreTable>();
      return {
        ...down,
        table: (name) => {
          let table = tables.get(name);
          if (!table) tables.set(name, (table = sealedTable(down.table(name), key)));
          return table;
        },
      };
    },
  };
}

function sealedTable(table: DBCoreTable, key: () => Uint8Array): DBCoreTable {
  const clear = clearFieldsOf(table.schema);
  const keyPath = table.schema.primaryKey.keyPath as string;
  const name = table.schema.name;

  // Both run on every row read or written: no copies beyond the one row they return.
  const sealRow = (row: Row): Row => sealStoredRow(key(), name, clear, row[keyPath], row);
  const openRow = (row: unknown): unknown =>
    row && typeof row === 'object' && SEALED in row ? openStoredRow(key(), name, (row as Row)[keyPath], row) : row;
  const openCursor = (cursor: DBCoreCursor): DBCoreCursor => {
    // The cursor's value is opened once per position (each continue() moves it).
    let openedFor: unknown;
    let opened: unknown;
    // Every member delegates explicitly: the native IDBCursor's getters refuse a `this` that is not
    // the cursor itself (so no Object.create over it), and next() resolves to this wrapper.
    const wrapped: DBCoreCursor = {
      get trans() {
        return cursor.trans;
      },
      get key(): unknown {
        return cursor.key;
      },
      get primaryKey(): unknown {
        return cursor.primaryKey;
      },
      get value() {
        const value = cursor.value as unknown;
        if (value !== openedFor) [openedFor, opened] = [value, openRow(value)];
        return opened;
      },
      get done() {
        return cursor.done === true;
      },
      continue: (key?: unknown) => cursor.continue(key),
      continuePrimaryKey: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
      advance: (count: number) => cursor.advance(count),
      start: (onNext: () => void) => cursor.start(onNext),
      stop: (value?: unknown) => cursor.stop(value),
      next: () => cursor.next().then(() => wrapped),
      fail: (error: Error) => cursor.fail(error),
    };
    return wrapped;
  };

  return {
    ...table,
    mutate: (req) =>
      req.type === 'add' || req.type === 'put'
        ? table.mutate({ ...req, values: req.values.map((v) => sealRow(v as Row)) })
        : table.mutate(req),
    // .then, not await: the results must come back in the same microtask chain as IndexedDB's.
    get: (req) => table.get(req).then(openRow),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(openRow)),
    query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(openRow) } : res)),
    openCursor: (req) => table.openCursor(req).then((cursor) => (cursor && req.values ? openCursor(cursor) : cursor)),
  };
}
