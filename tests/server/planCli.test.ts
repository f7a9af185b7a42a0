import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { generatePlanning } from '../fixtures/planning/generate.ts';

// `kartlegg plan` in-process, on the example input and a generated week written to a temporary folder.
describe('kartlegg plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kartlegg-plan-'));
  const example = fileURLToPath(new URL('../fixtures/planning/example.json', import.meta.url));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  let stdout: string[] = [];
  let stderr: string[] = [];
  const run = async (...args: string[]) => {
    stdout = [];
    stderr = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
    return main(['plan', ...args]);
  };
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the plan by day, place and time, with the cost beside the lower bound', async () => {
    expect(await run(example)).toBe(0);
    const text = stdout.join('\n');
    expect(text).toContain('Monday 2026-11-23');
    expect(text).toContain('Voksenopplæringen, rom 1 (Kari)');
    expect(text).toMatch(/09:00–11:00 {2}ar {3}interpreter in person {2}r01 r02\*/);
    expect(text).toContain('no interpreter (shared language)');
    expect(text).toContain('interpreter video, category C or better');
    expect(text).toContain('r10  due 2026-11-20, on 2026-11-25: the deadline has passed');
    expect(text).toMatch(/Cost: +\d+ interpreter bookings, 0 idle minutes, 1 deadlines missed, 0 unplaced/);
    expect(text).toMatch(/Lower bound: \d+ interpreter bookings/);
    expect(stderr).toEqual([]);
  });

  it('prints one JSON object with --json', async () => {
    const week = file('week.json', JSON.stringify(generatePlanning({ seed: 2 })));
    expect(await run(week, '--json')).toBe(0);
    const out = JSON.parse(stdout.join('\n')) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['sessions', 'late', 'unplaced', 'cost', 'lowerBound']);
    expect(out.cost).toMatchObject({ interpreterBookings: expect.any(Number), idleMinutes: 0, unplaced: 0 });
    const sessions = out.sessions as { language: string; slots: { residentId: string | null }[] }[];
    expect(sessions.flatMap((s) => s.slots).filter((s) => s.residentId)).toHaveLength(500);
  });

  it('exits 2 with the usage for a wrong command line', async () => {
    expect(await run()).toBe(2);
    expect(stderr.join('\n')).toContain('plan needs the input file.');
    expect(stderr.join('\n')).toContain('Usage: kartlegg plan <input.json> [--json]');
    expect(await run(example, example)).toBe(2);
    expect(await run(example, '--verbose')).toBe(2);
    expect(stderr.join('\n')).toMatch(/Unknown option '--verbose'/);
  });

  it('exits 2 naming the problem when the file cannot be read or used', async () => {
    expect(await run(join(dir, 'missing.json'))).toBe(2);
    expect(stderr.join('\n')).toMatch(/^Cannot read .*missing\.json: no such file\.$/);

    expect(await run(file('broken.json', '{"today": '))).toBe(2);
    expect(stderr.join('\n')).toMatch(/broken\.json: not valid JSON/);

    const input = generatePlanning({ seed: 1, residents: 3 });
    const bad = { ...input, residents: [{ ...input.residents[0], deadline: '23.11.2026' }], windows: 'none' };
    expect(await run(file('bad.json', JSON.stringify(bad)))).toBe(2);
    const message = stderr.join('\n');
    expect(message).toContain('bad.json: it does not describe a planning week');
    expect(message).toContain('residents.0.deadline: expected a date written YYYY-MM-DD');
    expect(message).toContain('windows:');
    expect(stdout).toEqual([]);
  });
});
