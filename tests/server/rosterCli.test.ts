import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { generateNir, writeList } from '../fixtures/nir/generate.ts';

// `kartlegg roster preview` in-process, on generated lists written to a temporary folder.
describe('kartlegg roster preview', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kartlegg-roster-'));
  const generated = generateNir({ people: 400, seed: 3 });
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const listA = file('listA.csv', writeList(generated.listA, 'A'));
  const listB = file('listB.csv', writeList(generated.listB, 'B'));
  const asOf = ['--as-of', generated.asOf];

  let stdout: string[] = [];
  let stderr: string[] = [];
  const run = async (...args: string[]) => {
    stdout = [];
    stderr = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
    return main(['roster', 'preview', ...args]);
  };
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON object with every class and the invalid rows', async () => {
    expect(await run(listA, listB, '--json', ...asOf)).toBe(0);
    const out = JSON.parse(stdout.join('\n')) as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(out)).toEqual([
      'targetGroup',
      'exempt',
      'outsideAge',
      'onlyInA',
      'onlyInB',
      'needsReview',
      'invalidRows',
    ]);
    const counts = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length]));
    expect(counts).toEqual(generated.expected);
    const person = out.targetGroup?.[0];
    expect(person).toMatchObject({
      duf: expect.stringMatching(/^\d{12}$/),
      name: expect.stringContaining(', '),
      birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(person).not.toHaveProperty('nationalId');
    expect(out.invalidRows?.[0]).toEqual({
      file: expect.stringMatching(/^list[AB]\.csv$/),
      row: expect.any(Number),
      reason: expect.any(String),
    });
    expect(stderr).toEqual([]);
  });

  it('moves deadlines with --permit-deadline-days', async () => {
    await run(listA, listB, '--json', ...asOf, '--permit-deadline-days', '7');
    const out = JSON.parse(stdout.join('\n')) as { targetGroup: { permitDate: string; deadline: string }[] };
    const p = out.targetGroup[0];
    const days = p ? (Date.parse(p.deadline) - Date.parse(p.permitDate)) / 86_400_000 : NaN;
    expect(days).toBe(7);
  });

  it('prints a summary of counts and invalid rows, without names or numbers of people', async () => {
    expect(await run(listA, listB, ...asOf)).toBe(0);
    const text = stdout.join('\n');
    expect(text).toContain(`Target group (must be mapped)`);
    expect(text).toMatch(new RegExp(`Needs review\\s+${generated.expected.needsReview}\\b`));
    expect(text).toMatch(/listB\.csv row \d+: DUF number is not 12 digits/);
    for (const p of generated.people.slice(0, 50)) {
      expect(text).not.toContain(p.familyName);
      if (p.duf) expect(text).not.toContain(p.duf);
    }
  });

  it('exits 2 with a message for a file it cannot read at all', async () => {
    const binary = file('binary.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const empty = file('empty.csv', '');
    const noId = file('noid.csv', 'Navn;Kjønn\r\nAmina Yusuf;K\r\n');
    const headerOnly = file('header.csv', 'DUF-nummer;Navn\r\n');
    // 50 MB of nothing (sparse): refused from its size, before it is read.
    const huge = file('huge.csv', '');
    truncateSync(huge, 50 * 1024 * 1024);
    const cases: [string[], RegExp][] = [
      [[binary, listB], /Cannot use binary\.csv: this is not a text \(CSV\) file/],
      [[listA, empty], /Cannot use empty\.csv: the file is empty/],
      [[noId, listB], /Cannot use noid\.csv: the file has no column that identifies a person/],
      [[listA, headerOnly], /Cannot use header\.csv: the file has a header but no rows/],
      [[join(dir, 'missing.csv'), listB], /Cannot read .*missing\.csv: no such file/],
      [[listA, huge], /Cannot use .*huge\.csv: the file is far larger than a NIR list/],
    ];
    for (const [files, message] of cases) {
      expect(await run(...files, ...asOf)).toBe(2);
      expect(stderr.join('\n')).toMatch(message);
      expect(stdout).toEqual([]);
    }
  });

  it('exits 2 on bad usage', async () => {
    expect(await run(listA)).toBe(2);
    expect(await run(listA, listB, '--as-of', '15.06.2026')).toBe(2);
    expect(stderr.join('\n')).toContain('--as-of must be a date written YYYY-MM-DD');
    expect(await run(listA, listB, '--permit-deadline-days', 'two weeks')).toBe(2);
    expect(await run(listA, listB, '--bogus')).toBe(2);
    expect(await main(['roster', 'frobnicate'])).toBe(2);
  });
});
