import { countPending, rejectedRows } from '../client/db/outbox.ts';
import { createApi } from '../client/net/api.ts';
import { LoginResponse } from '../protocol/auth.ts';
import { convergenceProblems, lostWrites } from './check.ts';
import { useFakeIndexedDb } from './fakeIndexedDb.ts';
import { noFaultsYet, type Fault, type FaultCounts } from './faults.ts';
import { Network } from './network.ts';
import { deriveSeed, Rng } from './random.ts';
import { Scheduler } from './scheduler.ts';
import { pullEverything } from './serverState.ts';
import { Tablet, type Credentials } from './tablet.ts';
import { SimUser } from './user.ts';
import { ValueMaker } from './values.ts';

export interface SimOptions {
  tablets: number;
  /** Changes to make in all, shared out between the tablets. */
  mutations: number;
  seed: number;
  faults: readonly Fault[];
  /** Share of requests that meet a fault while the network is rough (default FAULT_RATE in network.ts). */
  faultRate?: number;
}

/** Where the tablets sync to, and who they sign in as. */
export interface SimTarget {
  url: string;
  /** The account of tablet i (several tablets may share one: every sign-in is a device of its own). */
  credentials: (tablet: number) => Credentials;
  /** An account for the final check's fresh pull and the history reads. */
  checker: Credentials;
  /** How the tablets' requests reach the server: fetch, unless a test puts a liar in between. */
  deliver?: typeof fetch;
}

/** The one line the CLI prints. */
export interface SimSummary {
  tablets: number;
  mutations: number;
  seed: number;
  lost: number;
  converged: boolean;
  conflicts: number;
  rejected: number;
  ms: number;
}

export interface SimResult extends SimSummary {
  /** What went wrong, naming tablets, records and fields (never values); empty in a healthy run. */
  problems: string[];
  faultCounts: FaultCounts;
  signIns: number;
}

/** The run could not go on (the server unreachable or refusing): not a finding about sync. */
export class SimAbortedError extends Error {}

/** Virtual ms a user thinks between two actions. */
const THINK_MS: [number, number] = [5, 60];
/** Chance that a user's next move is "sync now" (as the app's triggers would) rather than a change. */
const SYNC_CHANCE = 0.1;
/** Quiesce rounds before giving up (two suffice: one to push everything, one for everyone to pull it). */
const MAX_QUIESCE_ROUNDS = 6;
const MAX_PROBLEMS = 20;

/**
 * Runs the tablets against the target, lets them quiesce, and checks the outcome. See
 * docs/sync-protocol.md ("What lost means") and src/sim/scheduler.ts for why a seed repeats a run.
 */
export async function runSim(options: SimOptions, target: SimTarget): Promise<SimResult> {
  const started = performance.now();
  useFakeIndexedDb();
  const sched = new Scheduler();
  const faultCounts = noFaultsYet();
  // Database names only need to be unique in this process; they take no part in any decision.
  const run = `sim-${options.seed}-${Math.random().toString(36).slice(2, 10)}`;
  const tablets = Array.from({ length: options.tablets }, (_, i) => {
    const rng = new Rng(deriveSeed(options.seed, i, 1));
    const network = new Network(rng, options.faults, sched, faultCounts, target.deliver, options.faultRate);
    return new Tablet(i, `${run}-${i}`, target.credentials(i), network, target.url);
  });
  try {
    for (const t of tablets) {
      if (!(await t.signIn())) throw new SimAbortedError(`tablet ${t.index} could not reach ${target.url} to sign in`);
      t.network.setRough(true);
    }
    tablets.forEach((t, i) => {
      const share = Math.floor(options.mutations / options.tablets) + (i < options.mutations % options.tablets ? 1 : 0);
      spawnUser(sched, t, share, new Rng(deriveSeed(options.seed, i, 0)), options.tablets);
    });
    await sched.run();

    for (const t of tablets) t.network.setRough(false);
    await quiesce(tablets);

    const checker = await signInChecker(target);
    const server = await pullEverything(checker.api, checker.token);
    const rejectedIds = new Set<string>();
    for (const t of tablets) for (const row of await rejectedRows(t.db)) rejectedIds.add(row.mutationId);
    const convergence = await convergenceProblems(tablets, server);
    const loss = await lostWrites(
      tablets.flatMap((t) => t.writes),
      rejectedIds,
      server,
      checker,
    );
    const problems = [...convergence.slice(0, MAX_PROBLEMS), ...loss.problems];
    if (convergence.length > MAX_PROBLEMS) problems.push(`… and ${convergence.length - MAX_PROBLEMS} more differences`);
    return {
      tablets: options.tablets,
      mutations: options.mutations,
      seed: options.seed,
      lost: loss.lost,
      converged: convergence.length === 0,
      conflicts: server.conflicts.size,
      rejected: rejectedIds.size,
      ms: Math.round(performance.now() - started),
      problems,
      faultCounts,
      signIns: tablets.reduce((n, t) => n + t.signIns, 0),
    };
  } finally {
    for (const t of tablets) await t.db.delete();
  }
}

/** A tablet's user: `share` changes, thinking in between, now and then asking for a sync. */
function spawnUser(sched: Scheduler, tablet: Tablet, share: number, rng: Rng, tablets: number): void {
  const user = new SimUser(tablet, rng, new ValueMaker(tablet.index, tablets));
  const requestSync = () => {
    // As the app's loop: one run at a time; a trigger during a run makes one more run right after.
    if (tablet.syncing) {
      tablet.syncAgain = true;
      return;
    }
    tablet.syncing = true;
    sched.spawn(async () => {
      try {
        do {
          tablet.syncAgain = false;
          await tablet.sync();
        } while (tablet.syncAgain);
      } finally {
        tablet.syncing = false;
      }
    });
  };
  sched.spawn(
    async () => {
      for (let made = 0; made < share;) {
        await sched.sleep(rng.int(...THINK_MS));
        if (rng.chance(SYNC_CHANCE)) {
          requestSync();
        } else {
          await user.act();
          made++;
        }
      }
      requestSync();
    },
    rng.int(...THINK_MS),
  );
}

/**
 * Syncs every tablet without faults, round after round, until a round in which nobody had anything to
 * push: then every outbox is empty (rejected rows stay; they are counted) and everyone has pulled the
 * last version.
 */
async function quiesce(tablets: readonly Tablet[]): Promise<void> {
  for (let round = 0; round < MAX_QUIESCE_ROUNDS; round++) {
    let pushed = 0;
    for (const t of tablets) {
      const result = await t.sync();
      if (!result) throw new SimAbortedError(`tablet ${t.index} could not sync on a calm network`);
      pushed += result.pushed;
    }
    let pending = 0;
    for (const t of tablets) pending += await countPending(t.db);
    if (pushed === 0 && pending === 0) return;
  }
}

async function signInChecker(target: SimTarget) {
  const api = createApi((input, init) => fetch(input, init), `${target.url}/api/`);
  const login = await api('auth/login', LoginResponse, {
    method: 'POST',
    body: { ...target.checker, deviceLabel: 'kartlegg sim checker' },
  });
  return { api, token: login.token };
}
