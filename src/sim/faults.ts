/**
 * The network faults the simulation can inject, by the names `--faults` takes:
 * - drop:    the request never arrives, or it is applied and its response is lost (both: a network error);
 * - dup:     the request is delivered twice, one after the other; the tablet sees the second answer;
 * - delay:   the request or its response spends a long while on the wire, so other tablets act meanwhile;
 * - reorder: the mutations inside a push body are shuffled (the server must apply them in clientSeq order);
 * - 500:     a server error, either without the request being applied or after it was;
 * - 401:     the device token is refused; the tablet signs in again and keeps its outbox.
 */
export const FAULTS = ['drop', 'dup', 'delay', 'reorder', '500', '401'] as const;
export type Fault = (typeof FAULTS)[number];

export class FaultListError extends Error {}

/** Parses `drop,dup,…` (or `all`, or `none`); an unknown name is an error that lists the known ones. */
export function parseFaults(list: string | undefined): Fault[] {
  if (list === undefined || list.trim() === '' || list.trim() === 'none') return [];
  if (list.trim() === 'all') return [...FAULTS];
  const names = list.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(FAULTS as readonly string[]).includes(name)) {
      throw new FaultListError(`Unknown fault "${name}"; use some of ${FAULTS.join(',')} (or all).`);
    }
  }
  return [...new Set(names as Fault[])];
}

/** How often each fault (and its variant) was injected: printed to stderr, so a run shows it was rough. */
export type FaultCounts = Record<
  'dropRequest' | 'loseResponse' | 'dup' | 'delay' | 'reorder' | 'error500Before' | 'error500After' | 'error401',
  number
>;

export function noFaultsYet(): FaultCounts {
  return {
    dropRequest: 0,
    loseResponse: 0,
    dup: 0,
    delay: 0,
    reorder: 0,
    error500Before: 0,
    error500After: 0,
    error401: 0,
  };
}
