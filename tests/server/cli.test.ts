import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

// The CLI in-process on a PGlite data dir of its own (DATABASE_URL is hidden from it).
describe('kartlegg CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kartlegg-cli-'));
  let out: string[] = [];
  beforeAll(() => {
    vi.stubEnv('DATA_DIR', join(dir, 'data'));
    vi.stubEnv('DATABASE_URL', '');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    out = [];
    vi.restoreAllMocks();
  });
  const capture = () => {
    const log = (...a: unknown[]) => void out.push(a.join(' '));
    vi.spyOn(console, 'log').mockImplementation(log);
    vi.spyOn(console, 'error').mockImplementation(log);
  };

  it('adds a municipality and a user, and refuses a duplicate', async () => {
    capture();
    expect(await main(['municipality', 'add', 'Lillestrøm'])).toBe(0);
    const args = ['user', 'add', '--municipality', 'lillestrøm', '--username', 'kari', '--password', 'long-enough-1'];
    expect(await main([...args, '--role', 'kartlegger'])).toBe(0);
    expect(await main([...args, '--role', 'kartlegger'])).toBe(1);
    expect(out.join('\n')).toMatch(/Added kartlegger "kari" to Lillestrøm[\s\S]*The username "kari" is taken/);
  });

  it('explains bad input with exit code 2 (usage) or 1 (refused), never a stack trace', async () => {
    capture();
    expect(await main(['user', 'add', '--bogus', 'x'])).toBe(2);
    expect(
      await main(['user', 'add', '--municipality', 'x', '--username', 'u', '--password', 'p', '--role', 'boss']),
    ).toBe(2);
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['municipality', 'add'])).toBe(2);
    const text = out.join('\n');
    expect(text).toContain("Unknown option '--bogus'");
    expect(text).toContain('Unknown role "boss"');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('sets the deadline days of a municipality, and refuses a number out of range', async () => {
    capture();
    expect(await main(['municipality', 'add', 'Nordre Follo'])).toBe(0);
    expect(await main(['municipality', 'set', 'nordre follo', '--deadline-days', '21'])).toBe(0);
    expect(await main(['municipality', 'set', 'Nordre Follo', '--deadline-days', '400'])).toBe(2);
    expect(await main(['municipality', 'set', 'Nordre Follo', '--deadline-days', '2w'])).toBe(2);
    expect(await main(['municipality', 'set', 'Nowhere', '--deadline-days', '7'])).toBe(1);
    expect(await main(['municipality', 'set', 'Nordre Follo'])).toBe(2);
    const text = out.join('\n');
    expect(text).toContain('Nordre Follo: deadline 21 days after the permit date.');
    expect(text).toContain('--deadline-days must be a whole number from 0 to 365.');
    expect(text).toContain('No municipality with id or name "Nowhere".');
  });

  it('says so when DATA_DIR cannot be created', async () => {
    capture();
    vi.stubEnv('DATA_DIR', join(dir, 'no', 'such', 'parent'));
    expect(await main(['migrate'])).toBe(1);
    expect(out.join('\n')).toMatch(/DATA_DIR .* its parent folder .* does not exist/);
    vi.stubEnv('DATA_DIR', join(dir, 'data'));
  });
});
