import { Mutex, PGlite, parse, protocol, type Transaction } from '@electric-sql/pglite';
import type { Prepared, Sql, Store } from './store.ts';

/**
 * Embedded PostgreSQL (WASM) in a data directory; `undefined` keeps it in memory (tests).
 *
 * PGlite is one connection. A transaction's statements must not interleave with anyone else's, so
 * every statement from outside a transaction waits on one lock, which a transaction holds throughout.
 */
export async function openPgliteStore(dataDir: string | undefined): Promise<Store> {
  const db = await PGlite.create(dataDir);
  const lock = new Mutex();
  const statements = new PreparedStatements(db);
  const run = async <T>(q: Pick<PGlite | Transaction, 'query'>, statement: string | Prepared, params: unknown[]) =>
    typeof statement === 'string' ? (await q.query<T>(statement, params)).rows : statements.run<T>(statement, params);
  return {
    kind: 'pglite',
    query: (statement, params = []) => lock.runExclusive(() => run(db, statement, params)),
    transaction: (fn) =>
      lock.runExclusive(() =>
        db.transaction((tx) => fn({ query: (statement, params = []) => run(tx, statement, params) })),
      ),
    async exec(script) {
      await lock.runExclusive(() => db.exec(script));
    },
    close: () => lock.runExclusive(() => db.close()),
  } satisfies Store & Sql;
}

/**
 * Named statements over PGlite's wire protocol. `PGlite.query` parses, describes and plans its
 * statement on every call, in six calls into the WASM module; a prepared one is parsed and described
 * once, and then each run is one call (bind, describe, execute, sync) on a cached plan. Parameters
 * are serialised as `PGlite.query` does, by the types PostgreSQL inferred for them.
 * Callers hold the store's lock (or are inside its transaction).
 */
class PreparedStatements {
  /** Statement name → the types of its parameters, for the statements parsed on this connection. */
  private readonly paramTypes = new Map<string, number[]>();

  constructor(private readonly db: PGlite) {}

  async run<T>(statement: Prepared, params: unknown[]): Promise<T[]> {
    const types = this.paramTypes.get(statement.name) ?? (await this.prepare(statement));
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = this.db.serializers[types[i] ?? 0];
      return serialize ? serialize(value) : String(value);
    });
    const inTransaction = this.db.isInTransaction();
    const { messages } = await this.db.execProtocol(
      concat([
        protocol.serialize.bind({ statement: statement.name, values }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]),
      // As PGlite.query: the file system is synced after a statement outside a transaction.
      { syncToFs: !inTransaction },
    );
    return (parse.parseResults(messages, this.db.parsers)[0]?.rows ?? []) as T[];
  }

  private async prepare(statement: Prepared): Promise<number[]> {
    const { messages } = await this.db.execProtocol(
      concat([
        protocol.serialize.parse({ name: statement.name, text: statement.text, types: [] }),
        protocol.serialize.describe({ type: 'S', name: statement.name }),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const description = messages.find((m) => m.name === 'parameterDescription');
    const types = description && 'dataTypeIDs' in description ? (description.dataTypeIDs as number[]) : [];
    this.paramTypes.set(statement.name, types);
    return types;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
