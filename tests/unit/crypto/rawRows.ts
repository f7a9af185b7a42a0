export { rawRows } from '../../../src/client/db/rawRows.ts';

/** The raw rows as text, with sealed bytes decoded as Latin-1 so any clear text in them would show. */
export function asText(rows: unknown): string {
  return JSON.stringify(rows, (_key, value: unknown) =>
    value instanceof Uint8Array ? String.fromCharCode(...value) : value,
  );
}
