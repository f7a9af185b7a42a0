import type { StoreKind } from '../../protocol/health.ts';

/** Anything that runs parameterised SQL: the store itself or a transaction inside it. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/**
 * One SQL dialect (PostgreSQL's) over two engines: embedded PGlite or a PostgreSQL server.
 * The server keeps no other state, so several instances can share one PostgreSQL.
 */
export interface Store extends Sql {
  readonly kind: StoreKind;
  /** Runs `fn` in one transaction: all of it commits, or none of it does. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}
