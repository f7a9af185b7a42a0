/**
 * What global setup hands to the tests. Playwright passes the environment that globalSetup set to
 * the worker processes, so the values travel through process.env.
 */
export const E2E_USER = {
  username: 'e2e.mapper',
  // The server asks for at least 10 characters.
  password: 'e2e-correct-horse-battery',
} as const;

/** A second mapper in the same municipality, for two tablets editing the same records. */
export const E2E_USER_2 = {
  username: 'e2e.mapper2',
  password: 'e2e-staple-horse-correct',
  name: 'Per Kartlegger',
} as const;

/** The administrator of Testkommune: manages devices (revoke, remote wipe) and settings. */
export const E2E_ADMIN = {
  username: 'e2e.admin',
  password: 'e2e-horse-staple-battery',
} as const;

export const E2E_MUNICIPALITY = 'Testkommune';

/** The PIN every test chooses after signing in: it seals the tablet's data (issue 8). */
export const E2E_PIN = '246813';

/**
 * A mapper in a municipality of its own, for the roster-import tests: the working-list counts are
 * checked exactly, so no resident another test synced may be pulled in. Tests that import with it
 * stay offline from the import on, so the server never holds their residents either.
 */
export const E2E_IMPORT_USER = {
  username: 'e2e.importer',
  password: 'e2e-battery-horse-staple',
  name: 'Ingrid Importør',
} as const;

export const E2E_IMPORT_MUNICIPALITY = 'Importkommune';

/**
 * An administrator (who may also map) in a municipality of its own, for planning: adds the places,
 * imports a roster, plans and prints the weekly list without touching the other tests' records.
 */
export const E2E_PLAN_USER = {
  username: 'e2e.planner',
  password: 'e2e-horse-battery-planner',
  name: 'Kari Planlegger',
} as const;

export const E2E_PLAN_MUNICIPALITY = 'Plankommune';

/**
 * A municipality of its own for the reception centre's view: an administrator who writes the week's
 * places, residents and sessions through the API, and a `mottak` user of one centre who reads them.
 */
export const E2E_CENTRE_MUNICIPALITY = 'Mottakskommune';
export const E2E_CENTRE_ADMIN = {
  username: 'e2e.centre.admin',
  password: 'e2e-staple-battery-centre',
} as const;
export const E2E_CENTRE_USER = {
  username: 'e2e.mottak',
  password: 'e2e-centre-horse-battery',
  name: 'Mona Mottak',
  centre: 'Fjellheim mottak',
} as const;

export const BASE_URL_ENV = 'KARTLEGG_E2E_BASE_URL';

export function baseURL(): string {
  const url = process.env[BASE_URL_ENV];
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: run the suite with \`npx playwright test\`.`);
  return url;
}
