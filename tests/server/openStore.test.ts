import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/server/store/migrate.ts';
import { openStore, StoreConfigError } from '../../src/server/store/openStore.ts';

describe('openStore (PGlite in DATA_DIR)', () => {
  const root = mkdtempSync(join(tmpdir(), 'kartlegg-store-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a DATA_DIR whose parent does not exist, with a clear message', async () => {
    const dir = join(root, 'missing-parent', 'data');
    await expect(openStore({ dataDir: dir })).rejects.toThrow(StoreConfigError);
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/parent folder .*missing-parent does not exist/);
  });

  it('creates the data dir, migrates, and keeps data across a reopen; migrating again applies nothing', async () => {
    const dir = join(root, 'data');
    const first = await openStore({ dataDir: dir });
    expect(first.kind).toBe('pglite');
    await first.query(
      "INSERT INTO municipalities (id, name) VALUES ('01900000-0000-7000-8000-000000000001', 'Bergen')",
    );
    await first.close();
    const again = await openStore({ dataDir: dir });
    expect(await again.query('SELECT name FROM municipalities')).toEqual([{ name: 'Bergen' }]);
    expect(await migrate(again)).toEqual([]);
    const applied = await again.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    await again.close();
  });
});
