import { parseArgs } from 'node:util';
import { requireMunicipality } from '../server/accounts.ts';
import { readConfig } from '../server/config.ts';
import { runRetention, type RetentionOutcome } from '../server/retention.ts';
import { openStore } from '../server/store/openStore.ts';
import { UsageError } from './usageError.ts';

const RETENTION_USAGE = 'Use: kartlegg retention run [--dry-run] [--municipality <id|name>]';

/**
 * `kartlegg retention run [--dry-run] [--municipality <id|name>]` (docs/retention.md): erases, per
 * municipality, the data of residents mapped longer ago than its retention days. Prints one line of
 * counts per municipality, never a name or a value of a resident.
 */
export async function retention(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'run') throw new UsageError(RETENTION_USAGE);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: { 'dry-run': { type: 'boolean' }, municipality: { type: 'string' } },
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${RETENTION_USAGE}`);
  }
  const dryRun = values['dry-run'] === true;
  const store = await openStore(readConfig());
  try {
    let municipalityId: string | undefined;
    if (values.municipality !== undefined) {
      municipalityId = (await requireMunicipality(store, values.municipality)).id;
    }
    const outcomes = await runRetention(store, { dryRun, ...(municipalityId ? { municipalityId } : {}) });
    for (const o of outcomes) console.log(line(o, dryRun));
    const residents = outcomes.reduce((n, o) => n + o.residents, 0);
    console.log(
      dryRun
        ? `Dry run: nothing was changed; ${residents} residents would be erased.`
        : `Erased the data of ${residents} residents.`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

function line(o: RetentionOutcome, dryRun: boolean): string {
  const verb = dryRun ? 'would erase' : 'erased';
  const held = o.heldByConflicts ? `; ${o.heldByConflicts} kept for open conflicts` : '';
  return (
    `${o.municipalityName} (id ${o.municipalityId}, ${o.retentionDays} days): ${verb} ` +
    `${o.residents} residents and ${o.mappings} mappings${held}.`
  );
}
