import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { AccountError, addMunicipality, addUser, requireMunicipality } from '../server/accounts.ts';
import { readConfig, ConfigError } from '../server/config.ts';
import { openStore, StoreConfigError } from '../server/store/openStore.ts';
import { startServer } from '../server/startServer.ts';
import { ROLES, Role } from '../protocol/auth.ts';
import {
  MAX_AUTO_LOCK_MINUTES,
  MAX_RETENTION_DAYS,
  MAX_TABLET_PURGE_DAYS,
  MIN_RETENTION_DAYS,
  SettingsUpdate,
} from '../protocol/settings.ts';
import { MAX_DEADLINE_DAYS } from '../domain/roster/deadlineDays.ts';
import { updateSettings } from '../server/settings.ts';
import { buildIfStale } from './buildIfStale.ts';
import { SIM_USAGE } from './simUsage.ts';
import { UsageError } from './usageError.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const USAGE = `Usage: kartlegg <command>

  serve                              start the server (builds the app if needed)
  migrate                            bring the database schema up to date
  municipality add <name>            add a municipality
  municipality set <id|name> [--deadline-days <n>] [--tablet-purge-days <n>] [--retention-days <n>] [--auto-lock-minutes <n>]
                                     the mapping deadline, in days after the permit date (default 14);
                                     days a finished resident stays on the tablets (default 14); days
                                     the server keeps a completed mapping's data (default 365)
  user add --municipality <id|name> --username <u> --password <p> --role <role> [--name <full name>]
           [--centre <reception centre>]
                                     add a user; roles: ${ROLES.join(', ')}; a mottak user sees
                                     the weekly list of the --centre named as in the NIR lists
  roster preview <listA.csv> <listB.csv> [--json] [--permit-deadline-days 14] [--as-of YYYY-MM-DD]
                                     combine and classify the two weekly NIR lists (reads only the files)
  plan <input.json> [--json]         propose mapping sessions for the residents due (reads only the file)
  retention run [--dry-run] [--municipality <id|name>]
                                     erase the data of residents mapped longer ago than the retention
                                     days (docs/retention.md); --dry-run only counts; prints counts
${SIM_USAGE}
  i18n export --lang <code> [--format csv|xliff] [--out <file>]
                                     one language of the resident information, for a translator
  i18n import <file> --reviewer <name>
                                     read a reviewed translation back (the language becomes reviewed)

Settings (environment): PORT (8080), HOST (0.0.0.0), DATA_DIR (./data), DATABASE_URL (PostgreSQL;
when set, DATA_DIR is not used), KARTLEGG_MUNICIPALITY (name of the first municipality),
KARTLEGG_TRUST_PROXY=1 (behind a reverse proxy: rate-limit sign-ins by X-Forwarded-For),
KARTLEGG_SIM_USER / KARTLEGG_SIM_PASSWORD (sim --server's account, instead of the flags).`;

/** Runs one command; returns the process exit code. Errors meant for the user print without a stack. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve();
      case 'migrate':
        return await withStore(async () => {
          console.log('The database schema is up to date.');
        });
      case 'municipality':
        return await municipality(rest);
      case 'user':
        return await user(rest);
      case 'roster': {
        // Loaded only for this command: it brings the CSV parser.
        const { roster } = await import('./roster.ts');
        return await roster(rest);
      }
      case 'plan': {
        // Loaded only for this command: the planner.
        const { plan } = await import('./plan.ts');
        return await plan(rest);
      }
      case 'retention': {
        // Loaded only for this command: the retention job.
        const { retention } = await import('./retention.ts');
        return await retention(rest);
      }
      case 'i18n': {
        // Loaded only for this command: resident-information translations for translators.
        const { i18n } = await import('./i18n.ts');
        return await i18n(rest);
      }
      case 'sim': {
        // Loaded only for this command: it brings the client code and an in-memory IndexedDB.
        const { simCommand } = await import('./simCommand.ts');
        return await simCommand(rest);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof AccountError || err instanceof ConfigError || err instanceof StoreConfigError) {
      console.error(`Error: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

/**
 * `--name value` flags, all strings, and the words around them when `allowPositionals`; an unknown
 * flag, a missing value or an unexpected word is a usage error.
 */
function parseFlags<K extends string>(
  args: string[],
  names: readonly K[],
  allowPositionals = false,
): { values: Partial<Record<K, string>>; positionals: string[] } {
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals });
    return { values: values as Partial<Record<K, string>>, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function withStore(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<void>): Promise<number> {
  const store = await openStore(readConfig());
  try {
    await fn(store);
    return 0;
  } finally {
    await store.close();
  }
}

async function serve(): Promise<number> {
  const config = readConfig();
  await buildIfStale(ROOT, (line) => console.log(line));
  const server = await startServer(config, `${ROOT}dist`);
  const store = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Kartlegg is running at ${server.url}  (store: ${store})`);
  if (server.firstLogin) {
    const { municipality, username, password } = server.firstLogin;
    console.log(
      `\nFirst start: created municipality "${municipality}" and an administrator.\n` +
        `  Sign in with username: ${username}\n` +
        `               password: ${password}\n` +
        `This password is shown only now. Add more users with \`npm run cli -- user add …\`.\n`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('Stopping…');
  await server.close();
  return 0;
}

const MUNICIPALITY_USAGE =
  'Use: kartlegg municipality add <name> | municipality set <id|name> [--deadline-days <0–365>] ' +
  '[--tablet-purge-days <0–365>] [--retention-days <30–3650>] [--auto-lock-minutes <1–60>]';

/** The flags of `municipality set`: each names a setting and its range (for the error message). */
const SETTING_FLAGS = [
  { flag: 'deadline-days', key: 'deadlineDays', min: 0, max: MAX_DEADLINE_DAYS },
  { flag: 'tablet-purge-days', key: 'tabletPurgeDays', min: 0, max: MAX_TABLET_PURGE_DAYS },
  { flag: 'retention-days', key: 'retentionDays', min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS },
  { flag: 'auto-lock-minutes', key: 'autoLockMinutes', min: 1, max: MAX_AUTO_LOCK_MINUTES },
] as const;

async function municipality(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add' && rest.length > 0) {
    return withStore(async (store) => {
      const m = await addMunicipality(store, rest.join(' '));
      console.log(`Added municipality "${m.name}" (id ${m.id}).`);
    });
  }
  if (sub !== 'set') throw new UsageError(MUNICIPALITY_USAGE);
  const { values, positionals } = parseFlags(
    rest,
    SETTING_FLAGS.map((s) => s.flag),
    true,
  );
  const name = positionals.join(' ');
  const given = SETTING_FLAGS.filter((s) => values[s.flag] !== undefined);
  if (!name || given.length === 0) throw new UsageError(MUNICIPALITY_USAGE);
  const wanted: Record<string, number> = {};
  for (const s of given) {
    const text = values[s.flag] ?? '';
    wanted[s.key] = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    const one = SettingsUpdate.safeParse({ [s.key]: wanted[s.key] });
    if (!one.success) throw new UsageError(`--${s.flag} must be a whole number from ${s.min} to ${s.max}.`);
  }
  const update = SettingsUpdate.parse(wanted);
  return withStore(async (store) => {
    const found = await requireMunicipality(store, name);
    const settings = await updateSettings(store, found.id, update);
    console.log(
      `${found.name}: deadline ${settings.deadlineDays} days after the permit date.\n` +
        `  Finished residents leave the tablets ${settings.tabletPurgeDays} days after completion; ` +
        `the server keeps a completed mapping's data ${settings.retentionDays} days.\n` +
        `  Tablets lock after ${settings.autoLockMinutes} idle minutes.`,
    );
  });
}

async function user(args: string[]): Promise<number> {
  const [sub, ...flags] = args;
  if (sub !== 'add') throw new UsageError('Use: kartlegg user add --municipality … --username … --password … --role …');
  const { values } = parseFlags(flags, ['municipality', 'username', 'password', 'role', 'name', 'centre']);
  const { municipality: m, username, password, role } = values;
  if (!m || !username || !password || !role) {
    throw new UsageError('user add needs --municipality, --username, --password and --role.');
  }
  const parsedRole = Role.safeParse(role);
  if (!parsedRole.success) throw new UsageError(`Unknown role "${role}"; use one of ${ROLES.join(', ')}.`);
  if (parsedRole.data === 'mottak' && !values.centre?.trim()) {
    throw new UsageError('A mottak user needs --centre: the reception centre as the NIR lists name it.');
  }
  return withStore(async (store) => {
    const found = await requireMunicipality(store, m);
    await addUser(store, {
      municipalityId: found.id,
      username,
      name: values.name,
      password,
      role: parsedRole.data,
      receptionCentre: values.centre,
    });
    console.log(
      `Added ${parsedRole.data} "${username}" to ${found.name}${values.centre ? ` (${values.centre.trim()})` : ''}.`,
    );
  });
}
