import { parseArgs } from 'node:util';
import { FaultListError, parseFaults } from '../sim/faults.ts';
import { createSimAccounts, openSimStore, serveInProcess } from '../sim/inProcessServer.ts';
import { ApiRequestError } from '../client/net/api.ts';
import {
  runSim,
  SimAbortedError,
  type SimOptions,
  type SimResult,
  type SimSummary,
  type SimTarget,
} from '../sim/runSim.ts';
import { UsageError } from './usageError.ts';

const MAX_TABLETS = 100;
const MAX_MUTATIONS = 1_000_000;

/** `kartlegg sim …`: returns the exit code. */
export async function simCommand(args: string[]): Promise<number> {
  const options = parseSimArgs(args);
  let result: SimResult;
  try {
    result = options.server
      ? await againstServer(options.sim, options.server)
      : await inProcess(options.sim, options.databaseUrl);
  } catch (err) {
    // The run could not be made (wrong account, server down): say so plainly, no JSON line.
    if (err instanceof SimAbortedError || err instanceof ApiRequestError) {
      console.error(`Error: the simulation could not run: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const summary: SimSummary = {
    tablets: result.tablets,
    mutations: result.mutations,
    seed: result.seed,
    lost: result.lost,
    converged: result.converged,
    conflicts: result.conflicts,
    rejected: result.rejected,
    ms: result.ms,
  };
  // stdout holds only the result line; what happened on the way goes to stderr.
  console.error(describe(result));
  for (const problem of result.problems) console.error(`  ${problem}`);
  console.log(JSON.stringify(summary));
  return healthy(result) ? 0 : 1;
}

/** No value lost, every tablet equal to the server, and nothing rejected (the sim only writes valid changes). */
export function healthy(r: SimResult): boolean {
  return r.lost === 0 && r.converged && r.rejected === 0;
}

interface ParsedSim {
  sim: SimOptions;
  server?: { url: string; username: string; password: string };
  databaseUrl?: string;
}

function parseSimArgs(args: string[]): ParsedSim {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: Object.fromEntries(
        ['tablets', 'mutations', 'seed', 'faults', 'server', 'username', 'password', 'database-url'].map((n) => [
          n,
          { type: 'string' as const },
        ]),
      ),
    }) as { values: Record<string, string | undefined> });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const tablets = wholeNumber(values.tablets ?? '4', '--tablets', 1, MAX_TABLETS);
  const mutations = wholeNumber(values.mutations ?? '400', '--mutations', 0, MAX_MUTATIONS);
  // Without --seed, a random one; it is printed, so the run can be repeated.
  const seed =
    values.seed === undefined
      ? Math.floor(Math.random() * 2 ** 31)
      : wholeNumber(values.seed, '--seed', 0, 2 ** 32 - 1);
  let faults;
  try {
    faults = parseFaults(values.faults);
  } catch (err) {
    if (err instanceof FaultListError) throw new UsageError(err.message);
    throw err;
  }
  const sim = { tablets, mutations, seed, faults };
  const databaseUrl = values['database-url'];
  if (!values.server) {
    if (values.username || values.password) throw new UsageError('--username and --password go with --server.');
    return databaseUrl ? { sim, databaseUrl } : { sim };
  }
  if (databaseUrl) throw new UsageError('Use --server or --database-url, not both.');
  const username = values.username ?? process.env.KARTLEGG_SIM_USER;
  const password = values.password ?? process.env.KARTLEGG_SIM_PASSWORD;
  if (!username || !password) {
    throw new UsageError('--server needs --username and --password (or KARTLEGG_SIM_USER and KARTLEGG_SIM_PASSWORD).');
  }
  return { sim, server: { url: values.server.replace(/\/+$/, ''), username, password } };
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}.`);
  return n;
}

async function inProcess(sim: SimOptions, databaseUrl: string | undefined): Promise<SimResult> {
  const store = await openSimStore(databaseUrl);
  try {
    const server = await serveInProcess(store);
    try {
      const accounts = await createSimAccounts(store, sim.tablets);
      const result = await runSim(sim, { url: server.url, ...accounts });
      if (server.errors.length > 0) {
        // Only the kind of error: the server's own log format never includes request data either.
        const kinds = [...new Set(server.errors.map((e) => (e instanceof Error ? e.message : String(e))))];
        result.problems.push(
          `the server reported ${server.errors.length} unexpected error(s): ${kinds.slice(0, 3).join('; ')}`,
        );
      }
      return result;
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
  }
}

function againstServer(sim: SimOptions, server: NonNullable<ParsedSim['server']>): Promise<SimResult> {
  const account = { username: server.username, password: server.password };
  const target: SimTarget = { url: server.url, credentials: () => account, checker: account };
  return runSim(sim, target);
}

function describe(r: SimResult): string {
  const faults = Object.entries(r.faultCounts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `sim: ${r.tablets} tablets, ${r.mutations} changes, seed ${r.seed}: faults injected: ${faults || 'none'}; sign-ins ${r.signIns}.`;
}
