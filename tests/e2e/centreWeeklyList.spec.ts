import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { todayInOslo } from '../../src/domain/roster/deadline.ts';
import { LoginResponse } from '../../src/protocol/auth.ts';
import { seriousViolations } from './pages/axe.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { E2E_CENTRE_ADMIN, E2E_CENTRE_USER } from './testEnv.ts';

/** Writes records as the municipality's administrator would from a tablet: one push per record. */
async function pushAll(request: APIRequestContext, records: { entity: string; id: string; fields: object }[]) {
  const login = LoginResponse.parse(await (await request.post('/api/auth/login', { data: E2E_CENTRE_ADMIN })).json());
  const mutations = records.map((r, i) => ({
    id: crypto.randomUUID(),
    clientSeq: i + 1,
    entity: r.entity,
    entityId: r.id,
    changes: Object.fromEntries(Object.entries(r.fields).map(([f, value]) => [f, { value, baseVersion: 0 }])),
  }));
  const res = await request.post('/api/sync/push', {
    headers: { authorization: `Bearer ${login.token}` },
    data: { protocol: 2, deviceId: login.deviceId, clientId: login.deviceId, mutations },
  });
  expect(res.status()).toBe(200);
}

test('a reception centre signs in and sees only its own week, printable and as CSV, with nothing stored', async ({
  page,
  request,
}) => {
  const today = todayInOslo(Date.now());
  const room = crypto.randomUUID();
  const ours = crypto.randomUUID();
  const theirs = crypto.randomUUID();
  const place = {
    kind: 'mappingLocation',
    address: 'Storgata 1',
    lat: 61.1153,
    lon: 10.4662,
    name: 'Voksenopplæringen',
  };
  await pushAll(request, [
    { entity: 'place', id: room, fields: place },
    {
      entity: 'place',
      id: crypto.randomUUID(),
      fields: { name: 'Fjellheim mottak', kind: 'receptionCentre', address: null, lat: 61.1193, lon: 10.4762 },
    },
    {
      entity: 'resident',
      id: ours,
      fields: { givenName: 'Amina', familyName: 'Yusuf', receptionCentre: 'Fjellheim mottak', language: 'Arabisk' },
    },
    {
      entity: 'resident',
      id: theirs,
      fields: { givenName: 'Other', familyName: 'Centre', receptionCentre: 'Åsen mottak', language: 'Arabisk' },
    },
    {
      entity: 'plannedSession',
      id: crypto.randomUUID(),
      fields: {
        date: today,
        start: '09:00',
        end: '11:00',
        placeId: room,
        mapper: 'Kari',
        slotMinutes: 60,
        language: 'Arabisk',
        interpreter: { language: 'Arabisk', category: 'C', mode: 'inPerson' },
        slots: [
          { start: '09:00', end: '10:00', residentId: ours, status: 'planned', locked: false },
          { start: '10:00', end: '11:00', residentId: theirs, status: 'planned', locked: false },
        ],
      },
    },
  ]);

  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(E2E_CENTRE_USER.username, E2E_CENTRE_USER.password);
  // No PIN, no roster: straight to the centre's list.
  await expect(page.getByRole('heading', { name: `Ukeliste for ${E2E_CENTRE_USER.centre}` })).toBeVisible();
  await expect(page.getByText('Dette krever nett.')).toBeVisible();
  const row = page.getByRole('row', { name: /Yusuf, Amina/ });
  await expect(row).toContainText('Voksenopplæringen, Storgata 1');
  await expect(row).toContainText('09:00–10:00');
  await expect(page.getByText('Centre, Other')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned CSV' }).click();
  const csv = readFileSync((await (await downloading).path())!, 'utf8');
  expect(csv).toContain('Fjellheim mottak;Yusuf, Amina;');
  expect(csv).not.toContain('Centre, Other');

  // Nothing on the device: no database, no sign-in hint; a reload is the sign-in screen again.
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('kartlegg.signedIn'))).toBeNull();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(signIn.username).toBeVisible();
});

test('the reception centre’s screen signs out after 5 idle minutes, as a tablet locks', async ({ page }) => {
  await page.clock.install();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(E2E_CENTRE_USER.username, E2E_CENTRE_USER.password);
  const title = page.getByRole('heading', { name: `Ukeliste for ${E2E_CENTRE_USER.centre}` });
  await expect(title).toBeVisible();
  // A touch keeps it open.
  await page.clock.fastForward('04:00');
  await title.click();
  await page.clock.fastForward('04:00');
  await expect(title).toBeVisible();
  await page.clock.fastForward('01:10');
  await expect(signIn.username).toBeVisible();
  await expect(title).toHaveCount(0);
});
