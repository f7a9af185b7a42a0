import type { StoreKind } from '../../protocol/health.ts';

/**
 * A statement of the sync hot path, prepared once per connection: PostgreSQL parses it once and,
 * after a few runs, plans it once (a generic plan), instead of doing both on every run. Planning the
 * sync statements cost more than running them. Made with `prepared()`, at module level.
 */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

const preparedTexts = new Map<string, string>();

/** Names a constant statement for preparing; one name, one text (a second text for a name throws). */
export function prepared(name: string, text: string): Prepared {
  const known = preparedTexts.get(name);
  if (known !== undefined && known !== text) throw new Error(`Prepared statement ${name} has two texts.`);
  preparedTexts.set(name, text);
  return { name, text };
}

/** Anything that runs parameterised SQL: the store itself or a transaction inside it. */
export interface Sql {
  query<T = Record<string, unknown>>(statement: string | Prepared, params?: unknown[]): Promise<T[]>;
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
