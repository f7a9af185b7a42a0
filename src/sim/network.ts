import { noFaultsYet, type Fault, type FaultCounts } from './faults.ts';
import type { Rng } from './random.ts';

/** Virtual time, as the scheduler gives it. */
export interface Clock {
  sleep(ms: number): Promise<void>;
}

/** Share of requests that meet a fault (one of the enabled kinds, chosen uniformly) while the network is rough. */
export const FAULT_RATE = 0.2;
/** Each leg of an ordinary request, in virtual ms. */
const LATENCY_MS: [number, number] = [1, 20];
/** The extra time of a delayed leg, in virtual ms: long enough for several other actions to happen. */
const DELAY_MS: [number, number] = [200, 3000];

/**
 * One tablet's network: a fetch that passes requests to the real server, taking virtual time on the
 * way there and back, and (while rough) injecting faults chosen by the tablet's seeded stream.
 * Calm (set-up and quiesce): no faults and no virtual time, so it also works outside the scheduler.
 */
export class Network {
  private rough = false;

  constructor(
    private readonly rng: Rng,
    private readonly faults: readonly Fault[],
    private readonly clock: Clock,
    /** Shared by all tablets of a run. */
    readonly counts: FaultCounts = noFaultsYet(),
    private readonly deliver: typeof fetch = (input, init) => fetch(input, init),
    private readonly faultRate = FAULT_RATE,
  ) {}

  setRough(rough: boolean): void {
    this.rough = rough;
  }

  readonly fetch: typeof fetch = async (input, init = {}) => {
    if (!this.rough) return this.deliverFully(input, init);
    const fault = this.chooseFault(init);
    let up = this.rng.int(...LATENCY_MS);
    let down = this.rng.int(...LATENCY_MS);
    if (fault === 'delay') {
      this.counts.delay++;
      if (this.rng.chance(0.5)) up += this.rng.int(...DELAY_MS);
      else down += this.rng.int(...DELAY_MS);
    }
    await this.clock.sleep(up);
    let request = init;
    switch (fault) {
      case 'drop':
        if (this.rng.chance(0.5)) {
          this.counts.dropRequest++;
          throw networkError();
        }
        // Applied on the server; the answer never comes back.
        await this.deliverFully(input, init);
        this.counts.loseResponse++;
        await this.clock.sleep(down);
        throw networkError();
      case '401':
        this.counts.error401++;
        return errorResponse(401, 'unauthorized', 'Sign in again: this device is not signed in.');
      case '500':
        if (this.rng.chance(0.5)) {
          this.counts.error500Before++;
        } else {
          await this.deliverFully(input, init);
          this.counts.error500After++;
        }
        await this.clock.sleep(down);
        return errorResponse(500, 'internal', 'Something went wrong on the server.');
      case 'dup':
        this.counts.dup++;
        await this.deliverFully(input, init);
        break;
      case 'reorder':
        this.counts.reorder++;
        request = { ...init, body: shuffleMutations(this.rng, init.body as string) };
        break;
      default:
        break;
    }
    const response = await this.deliverFully(input, request);
    await this.clock.sleep(down);
    return response;
  };

  private chooseFault(init: RequestInit): Fault | null {
    if (this.faults.length === 0 || !this.rng.chance(this.faultRate)) return null;
    const fault = this.rng.pick(this.faults);
    // A refused token only means something on a request that carries one; shuffling needs two mutations.
    if (fault === '401' && !hasToken(init)) return null;
    if (fault === 'reorder' && mutationCount(init.body) < 2) return null;
    return fault;
  }

  /** The server's whole answer, read before the turn is given up, so the server has finished with it. */
  private async deliverFully(input: RequestInfo | URL, init: RequestInit): Promise<Response> {
    const res = await this.deliver(input, init);
    const body = await res.arrayBuffer();
    const headers = new Headers(res.headers);
    // The body is already decoded: drop what described the encoded one.
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(body, { status: res.status, statusText: res.statusText, headers });
  }
}

const networkError = () => new TypeError('fetch failed (simulated network fault)');

function errorResponse(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function hasToken(init: RequestInit): boolean {
  return new Headers(init.headers).has('authorization');
}

function mutationCount(body: RequestInit['body']): number {
  if (typeof body !== 'string') return 0;
  const parsed = JSON.parse(body) as { mutations?: unknown };
  return Array.isArray(parsed.mutations) ? parsed.mutations.length : 0;
}

function shuffleMutations(rng: Rng, body: string): string {
  const parsed = JSON.parse(body) as { mutations: unknown[] };
  return JSON.stringify({ ...parsed, mutations: rng.shuffle(parsed.mutations) });
}
