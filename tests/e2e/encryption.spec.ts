import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { MappingFormPage, sectionTitle } from './pages/MappingFormPage.ts';
import { OpenExportPage } from './pages/OpenExportPage.ts';
import { openedRows, rawDatabaseText, storedMapping, storedSession } from './pages/localDatabase.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { RosterPage } from './pages/RosterPage.ts';
import { E2E_PIN, E2E_USER } from './testEnv.ts';

// Issue 8's proof: what a thief copies out of the browser's storage holds no personal data in clear.
test('the raw IndexedDB holds no resident name, answer or token in clear', async ({ page }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  const family = `Hemmeligsen${Date.now().toString(36)}`;
  await roster.addResident('Zuleikha', family, '1987-06-05');
  await expect(roster.saved).toBeVisible();
  const resident = await roster.openResident(roster.resident('Zuleikha', family));
  await resident.region.getByRole('button', { name: 'Start kartlegging' }).click();
  const form = new MappingFormPage(page);
  await form.expectSection(sectionTitle('session'));
  const answer = `Svartekst ${Date.now().toString(36)}`;
  await form.fill('mapperName', answer);

  const raw = await rawDatabaseText(page);
  const { token } = await storedSession(page);
  for (const secret of [family, 'Zuleikha', '1987-06-05', answer, token]) expect(raw).not.toContain(secret);
  // The same storage, opened with the PIN, holds them all: the test looked in the right place.
  const row = (await openedRows(page, 'residents')).find((r) => r.familyName === family);
  expect(row?.givenName).toBe('Zuleikha');
  expect((await storedMapping(page, row!.id as string)).mapperName).toBe(answer);
});

test('the app locks after 5 idle minutes and after a long time hidden; the PIN opens it with nothing lost', async ({
  page,
}) => {
  await page.clock.install();
  const signIn = new SignInPage(page);
  const roster = await signIn.signInAsMapper();
  const family = `Låstsen${Date.now().toString(36)}`;
  await roster.addResident('Omar', family);
  await expect(roster.saved).toBeVisible();

  await page.clock.fastForward('04:00');
  await expect(roster.heading).toBeVisible();
  await page.clock.fastForward('01:10');
  await expect(signIn.locked).toBeVisible();
  // Nothing of the roster is left on the screen.
  await expect(page.getByText(family)).toHaveCount(0);
  await signIn.unlock();
  await roster.expectOpen();
  await expect(roster.resident('Omar', family)).toBeVisible();

  // Hidden (another app, screen off) for more than a minute: locked on return.
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await page.clock.fastForward('01:30');
  await setVisibility('visible');
  await expect(signIn.locked).toBeVisible();
  await signIn.unlock();
  await roster.expectOpen();
});

test('wrong PINs: after the third the screen says how long to wait, across a reload', async ({ page }) => {
  await page.clock.install();
  const signIn = new SignInPage(page);
  const roster = await signIn.signInAsMapper();
  await signIn.reloadAndUnlock();
  await roster.expectOpen();
  await page.reload();
  await expect(signIn.locked).toBeVisible();

  const { pin, unlockButton: unlock } = signIn;
  for (let i = 0; i < 2; i++) {
    await pin.fill('000000');
    await unlock.click();
    await expect(page.getByRole('alert')).toHaveText('Feil PIN-kode.');
    await expect(unlock).toBeEnabled();
  }
  await pin.fill('000000');
  await unlock.click();
  await expect(page.getByRole('alert')).toHaveText(/Vent 30 sekunder/);
  await expect(unlock).toBeDisabled();
  // A reload does not reset the wait.
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText(/Vent \d+ sekunder/);
  await expect(unlock).toBeDisabled();

  await page.clock.fastForward('00:31');
  await expect(unlock).toBeEnabled();
  await pin.fill(E2E_PIN);
  await unlock.click();
  await roster.expectOpen();
});

test('a forgotten PIN: the app warns of unsynced changes, offers them sealed, then starts over from the server', async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  const roster = await signIn.signInAsMapper();
  const synced = `Synket${Date.now().toString(36)}`;
  await roster.addResident('Aisha', synced);
  await roster.syncNow.click();
  await expect(roster.syncPending).toHaveText('Alt er synkronisert');
  // The server cannot be reached from here on: the next change stays unsynced.
  await page.route('**/api/sync/**', (route) => route.abort());
  const unsynced = `Usynket${Date.now().toString(36)}`;
  await roster.addResident('Bilal', unsynced);
  await expect(roster.saved).toBeVisible();
  await page.reload();

  await page.getByRole('button', { name: 'Glemt PIN-koden?' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^1 endring er ikke synkronisert/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned kryptert kopi' }).click();
  const exportPath = await (await download).path();
  const file = readFileSync(exportPath, 'utf8');
  const exported = JSON.parse(file) as { kind: string; keyring: unknown; tables: { outbox: unknown[] } };
  expect(exported.kind).toBe('kartlegg-sealed-unsynced');
  expect(exported.keyring).not.toBeNull();
  expect(exported.tables.outbox).toHaveLength(1);
  expect(file).not.toContain(unsynced);

  await page.getByRole('button', { name: 'Slett dataene og logg inn på nytt' }).click();
  await expect(signIn.username).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('kartlegg.keyring'))).toBeNull();
  await page.unroute('**/api/sync/**');
  await signIn.signInAsMapper();
  // What was synced comes back from the server; the change never synced is gone from this tablet.
  await expect(roster.resident('Aisha', synced)).toBeVisible();
  await expect(page.getByText(unsynced)).toHaveCount(0);

  // Remembered after all: the copy opens with the old PIN, and its change goes back into the queue.
  const opening = new OpenExportPage(page);
  await opening.open();
  await page
    .getByLabel('Eksportfil')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await page.getByRole('button', { name: 'Åpne filen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Filen er ikke en eksport fra Kartlegg.');
  await opening.openFile(exportPath, '000000');
  await expect(page.getByRole('alert')).toHaveText('Feil PIN-kode: filen ble ikke laget med denne PIN-koden.');
  await opening.openFile(exportPath);
  await expect(opening.records).toHaveText(`Bilal ${unsynced} — 1 endring`);
  await opening.restore.click();
  await expect(opening.status).toHaveText('1 endring er lagt i køen.');
  await page.getByRole('button', { name: 'Tilbake til beboerlisten' }).click();
  await roster.syncAndSettle();
  const restored = roster.resident('Bilal', unsynced);
  await expect(restored).toBeVisible();
  await expect(roster.notSyncedBadge(restored)).toHaveCount(0);
});

// A tablet signed in before encryption existed: its version 2 database holds everything in clear.
test('a tablet from before encryption asks for a PIN, and its stored rows become sealed', async ({ page, request }) => {
  const login = await request.post('/api/auth/login', { data: { ...E2E_USER, deviceLabel: 'e2e' } });
  const session = { ...((await login.json()) as { token: string }), username: E2E_USER.username };
  const family = `Gammeldata${Date.now().toString(36)}`;
  await page.goto('/info');
  await page.evaluate(
    ({ session, family }) =>
      new Promise<void>((resolve, reject) => {
        // Dexie stores schema version n as IndexedDB version 10n.
        const open = indexedDB.open('kartlegg', 20);
        open.onupgradeneeded = () => {
          const db = open.result;
          const residents = db.createObjectStore('residents', { keyPath: 'id' });
          residents.createIndex('familyName', 'familyName');
          residents.createIndex('updatedAt', 'updatedAt');
          const mappings = db.createObjectStore('mappings', { keyPath: 'id' });
          mappings.createIndex('residentId', 'residentId');
          mappings.createIndex('updatedAt', 'updatedAt');
          const outbox = db.createObjectStore('outbox', { keyPath: 'clientSeq' });
          outbox.createIndex('mutationId', 'mutationId', { unique: true });
          outbox.createIndex('status', 'status');
          outbox.createIndex('entityId', 'entityId');
          db.createObjectStore('meta', { keyPath: 'key' });
          const conflicts = db.createObjectStore('conflicts', { keyPath: 'id' });
          conflicts.createIndex('entityId', 'entityId');
          conflicts.createIndex('status', 'status');
          const tx = open.transaction!;
          tx.objectStore('meta').put({ key: 'session', value: session });
          tx.objectStore('residents').put({
            id: crypto.randomUUID(),
            givenName: 'Yonas',
            familyName: family,
            versions: {},
            updatedAt: Date.now(),
          });
        };
        open.onsuccess = () => {
          open.result.close();
          localStorage.setItem('kartlegg.signedIn', '1');
          resolve();
        };
        open.onerror = () => reject(new Error('open failed'));
      }),
    { session, family },
  );
  // No sync during the check: the resident exists only on this tablet.
  await page.route('**/api/sync/**', (route) => route.abort());
  await page.goto('/');
  const signIn = new SignInPage(page);
  await signIn.choosePin();
  const roster = new RosterPage(page);
  await roster.expectOpen();
  await expect(roster.resident('Yonas', family)).toBeVisible();
  const raw = await rawDatabaseText(page);
  expect(raw).not.toContain(family);
  expect(raw).not.toContain(session.token);
});
