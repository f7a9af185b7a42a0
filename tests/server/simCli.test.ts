import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

// `kartlegg sim` through the CLI entry, in-process on in-memory PGlite.
describe('kartlegg sim', () => {
  let out: string[] = [];
  let err: string[] = [];
  afterEach(() => {
    out = [];
    err = [];
    vi.restoreAllMocks();
  });
  const capture = () => {
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  };

  it('prints exactly one JSON line with the result and exits 0 when nothing was lost', async () => {
    capture();
    const code = await main(['sim', '--tablets', '2', '--mutations', '40', '--seed', '3', '--faults', 'all']);
    expect(err.join('\n')).toMatch(/seed 3: faults injected/);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const result = JSON.parse(out[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
      'tablets',
      'mutations',
      'seed',
      'lost',
      'converged',
      'conflicts',
      'rejected',
      'ms',
    ]);
    expect(result).toMatchObject({ tablets: 2, mutations: 40, seed: 3, lost: 0, converged: true, rejected: 0 });
  }, 60_000);

  it('refuses bad options with the usage text and exit code 2', async () => {
    capture();
    vi.stubEnv('KARTLEGG_SIM_USER', '');
    vi.stubEnv('KARTLEGG_SIM_PASSWORD', '');
    expect(await main(['sim', '--tablets', '0'])).toBe(2);
    expect(await main(['sim', '--mutations', 'many'])).toBe(2);
    expect(await main(['sim', '--faults', 'drop,fire'])).toBe(2);
    expect(await main(['sim', '--server', 'http://127.0.0.1:9'])).toBe(2);
    expect(await main(['sim', '--server', 'http://127.0.0.1:9', '--database-url', 'postgres://x'])).toBe(2);
    vi.unstubAllEnvs();
    const text = err.join('\n');
    expect(text).toContain('--tablets must be a whole number from 1 to 100');
    expect(text).toContain('Unknown fault "fire"');
    expect(text).toContain('--server needs --username and --password');
    expect(text).toContain('Usage: kartlegg');
    expect(out).toEqual([]);
  });
});
