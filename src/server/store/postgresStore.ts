import pg from 'pg';
import type { Prepared, Sql, Store } from './store.ts';

// Bigints (the version counters) stay below 2^53 for any realistic municipality; read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** A PostgreSQL server reached by a connection string (DATABASE_URL). */
export async function openPostgresStore(connectionString: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start with a clear message rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const wrap = (q: pg.Pool | pg.PoolClient): Sql => ({
    async query<T>(statement: string | Prepared, values: unknown[] = []) {
      // node-postgres parses a named statement once per connection and then only binds and runs it.
      const config = typeof statement === 'string' ? { text: statement, values } : { ...statement, values };
      return (await q.query(config)).rows as T[];
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    close: () => pool.end(),
  };
}
