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

  it('gives a mottak user its reception centre, and a centre to no other role', async () => {
    capture();
    expect(await main(['municipality', 'add', 'Gjøvik'])).toBe(0);
    const args = ['user', 'add', '--municipality', 'Gjøvik', '--password', 'long-enough-1'];
    expect(await main([...args, '--username', 'mottak1', '--role', 'mottak', '--centre', 'Fjellheim mottak'])).toBe(0);
    expect(await main([...args, '--username', 'mottak2', '--role', 'mottak'])).toBe(2);
    expect(await main([...args, '--username', 'kari2', '--role', 'kartlegger', '--centre', 'Fjellheim mottak'])).toBe(
      1,
    );
    expect(out.join('\n')).toMatch(
      /Added mottak "mottak1" to Gjøvik \(Fjellheim mottak\)[\s\S]*needs --centre[\s\S]*Only a mottak user/,
    );
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
    const args = ['municipality', 'set', 'Nordre Follo', '--tablet-purge-days', '7', '--retention-days', '730'];
    expect(await main(args)).toBe(0);
    expect(await main(['municipality', 'set', 'Nordre Follo', '--tablet-purge-days', '366'])).toBe(2);
    expect(await main(['municipality', 'set', 'Nordre Follo', '--retention-days', '10'])).toBe(2);
    const text = out.join('\n');
    expect(text).toContain('Nordre Follo: deadline 21 days after the permit date.');
    expect(text).toContain('--deadline-days must be a whole number from 0 to 365.');
    expect(text).toContain('Finished residents leave the tablets 7 days after completion; ');
    expect(text).toContain("the server keeps a completed mapping's data 730 days.");
    expect(text).toContain('--tablet-purge-days must be a whole number from 0 to 365.');
    expect(text).toContain('--retention-days must be a whole number from 30 to 3650.');
    expect(text).toContain('No municipality with id or name "Nowhere".');
  });

  it('runs the retention job, a dry run or for one municipality, and prints counts only', async () => {
    capture();
    expect(await main(['municipality', 'add', 'Vestby'])).toBe(0);
    expect(await main(['retention', 'run', '--dry-run', '--municipality', 'vestby'])).toBe(0);
    expect(await main(['retention', 'run'])).toBe(0);
    expect(await main(['retention', 'run', '--municipality', 'Nowhere'])).toBe(1);
    expect(await main(['retention', 'run', '--bogus'])).toBe(2);
    expect(await main(['retention'])).toBe(2);
    const text = out.join('\n');
    expect(text).toMatch(/Vestby \(id [0-9a-f-]{36}, 365 days\): would erase 0 residents and 0 mappings\./);
    expect(text).toContain('Dry run: nothing was changed; 0 residents would be erased.');
    expect(text).toContain('Erased the data of 0 residents.');
    expect(text).toContain('No municipality with id or name "Nowhere".');
    expect(text).toContain('Use: kartlegg retention run [--dry-run] [--municipality <id|name>]');
  });

  it('says so when DATA_DIR cannot be created', async () => {
    capture();
    vi.stubEnv('DATA_DIR', join(dir, 'no', 'such', 'parent'));
    expect(await main(['migrate'])).toBe(1);
    expect(out.join('\n')).toMatch(/DATA_DIR .* its parent folder .* does not exist/);
    vi.stubEnv('DATA_DIR', join(dir, 'data'));
  });
});
