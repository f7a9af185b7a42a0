import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRequest, type PullResponse, type PushResponse } from '../../src/protocol/sync.ts';
import { FAULTS, noFaultsYet, type FaultCounts } from '../../src/sim/faults.ts';
import { createSimAccounts, serveInProcess, type InProcessServer } from '../../src/sim/inProcessServer.ts';
import { runSim, type SimOptions } from '../../src/sim/runSim.ts';
import { storeCases, useStore } from './stores.ts';

/**
 * Big enough for conflicts, small enough for seconds per run; a rougher network than the CLI's
 * default, so that a small run meets every kind of fault.
 */
const SIZE = { tablets: 4, mutations: 240, faultRate: 0.4 };
const SIM_TIMEOUT_MS = 120_000;

// The `kartlegg sim` engine in-process: the real client sync code over fake-indexeddb, against the
// real app on a loopback HTTP port. CI also runs the full size through the CLI (scripts/test.js).
describe.each(storeCases())('sync simulation on $name', (storeCase) => {
  const getStore = useStore(storeCase);
  let server: InProcessServer;
  beforeAll(async () => {
    server = await serveInProcess(getStore());
  });
  afterAll(() => server.close());

  async function simulate(options: SimOptions, deliver?: typeof fetch) {
    const accounts = await createSimAccounts(getStore(), options.tablets);
    return runSim(options, { url: server.url, ...accounts, ...(deliver ? { deliver } : {}) });
  }

  const injected = noFaultsYet();
  it.each([1, 2, 3])(
    'seed %i with every fault: nothing is lost and every tablet holds the server state',
    async (seed) => {
      const result = await simulate({ ...SIZE, seed, faults: FAULTS });
      expect(result.problems).toEqual([]);
      expect(result).toMatchObject({ lost: 0, converged: true, rejected: 0 });
      // A run without clashes or faults would prove little.
      expect(result.conflicts).toBeGreaterThan(0);
      expect(Object.values(result.faultCounts).reduce((a, b) => a + b)).toBeGreaterThan(10);
      expect(server.errors).toEqual([]);
      for (const [kind, n] of Object.entries(result.faultCounts)) injected[kind as keyof FaultCounts] += n;
    },
    SIM_TIMEOUT_MS,
  );

  it('met every kind of fault in those runs', () => {
    expect(Object.entries(injected).filter(([, n]) => n === 0)).toEqual([]);
  });

  it(
    'repeats a run from its seed: the same faults and the same conflicts',
    async () => {
      const options = { ...SIZE, mutations: 150, seed: 42, faults: FAULTS };
      const first = await simulate(options);
      const second = await simulate(options);
      expect(second.faultCounts).toEqual(first.faultCounts);
      expect(second.conflicts).toBe(first.conflicts);
      expect(second.signIns).toBe(first.signIns);
    },
    SIM_TIMEOUT_MS,
  );

  // The checks must be able to fail: a server that acknowledges changes it never stored loses them,
  // and tablets fed a wrong copy do not converge.
  it(
    'counts as lost the values a lying server acknowledged without storing',
    async () => {
      let lies = 0;
      const liar: typeof fetch = async (input, init) => {
        if (String(input).endsWith('/sync/push') && lies < 3) {
          lies++;
          const request = PushRequest.parse(JSON.parse(String(init?.body)));
          const body: PushResponse = {
            results: request.mutations.map((m) => ({ id: m.id, status: 'applied' })),
            lastClientSeq: 0,
          };
          return Response.json(body);
        }
        return fetch(input, init);
      };
      const result = await simulate({ ...SIZE, mutations: 120, seed: 5, faults: [] }, liar);
      expect(lies).toBe(3);
      expect(result.lost).toBeGreaterThan(0);
      expect(result.converged).toBe(false);
    },
    SIM_TIMEOUT_MS,
  );

  it(
    'reports tablets that were pulled a wrong copy as not converged',
    async () => {
      const corrupting: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        if (!String(input).includes('/sync/pull')) return res;
        const page = (await res.json()) as PullResponse;
        for (const r of page.records) if (r.entity === 'mapping') r.fields.q9 = 'not on the server';
        return Response.json(page);
      };
      const result = await simulate({ ...SIZE, mutations: 120, seed: 6, faults: [] }, corrupting);
      expect(result.converged).toBe(false);
      expect(result.problems.join('\n')).toMatch(/mapping .* differs in q9/);
      expect(result.lost).toBe(0);
    },
    SIM_TIMEOUT_MS,
  );
});
