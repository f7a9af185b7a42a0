import { readFileSync } from 'node:fs';
import { addDays, format, parseISO } from 'date-fns';
import { expect, test } from '@playwright/test';
import { todayInOslo } from '../../src/domain/roster/deadline.ts';
import { generateNir, writeList } from '../fixtures/nir/generate.ts';
import { RECEPTION_CENTRES } from '../fixtures/nir/names.ts';
import { seriousViolations } from './pages/axe.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { E2E_PLAN_USER } from './testEnv.ts';

const FORMULA = '=HYPERLINK("x")';
const ROOM = { name: 'Voksenopplæringen, rom 1', address: 'Skolegata 1', lat: 61.1153, lon: 10.4662 };
// Two centres more than 6 km from the room (bus ticket), the others a few hundred metres away.
const FAR = new Set(['Åsen mottak', 'Solbakken mottak; enslige']);

test('imports a roster, plans a week, accepts it, and prints the weekly list and its CSV', async ({ page }) => {
  test.setTimeout(240_000);
  const today = todayInOslo(Date.now());
  const generated = generateNir({ people: 30, seed: 3, asOf: today, tricky: false });
  // One resident's family name looks like a spreadsheet formula: the CSV must neutralise it.
  const target = generated.people.find((p) => p.expected === 'targetGroup' && p.duf)!;
  for (const row of generated.listA) if (row.duf === target.duf) row.familyName = FORMULA;
  for (const row of generated.listB) {
    if (row.duf === target.duf && row.fullName) row.fullName = row.fullName.replace(target.familyName, FORMULA);
  }

  const roster = await new SignInPage(page).signInAsMapper(E2E_PLAN_USER);
  const importer = await roster.openImport();
  await importer.choose('A', { name: 'a.csv', bytes: writeList(generated.listA, 'A') });
  await importer.choose('B', { name: 'b.csv', bytes: writeList(generated.listB, 'B') });
  await importer.showPreview();
  await importer.commit();
  await importer.toRoster.click();

  await page.getByRole('button', { name: 'Planlegg kartlegging' }).click();
  const plan = new PlanPage(page);
  await plan.expectOpen();
  await expect(plan.region.getByText(/Mottaket gir bussbillett når stedet er mer enn 6 km/)).toBeVisible();
  await plan.addPlace({ ...ROOM, kind: 'Kartleggingssted' });
  for (const [i, name] of RECEPTION_CENTRES.entries()) {
    const lat = FAR.has(name) ? 61.3153 : 61.1193 + i * 0.001;
    await plan.addPlace({ name, kind: 'Mottak', lat, lon: FAR.has(name) ? 10.3462 : 10.4762 });
  }
  for (let d = 0; d < 5; d++) {
    const date = format(addDays(parseISO(today), d), 'yyyy-MM-dd');
    await plan.addWindow({ date, start: '09:00', end: '15:00', place: ROOM.name });
  }

  await plan.propose();
  await expect(plan.proposalCost).toContainText(/Tolkebestillinger: \d+ \(nedre grense \d+\)/);
  await expect(plan.proposalCost).toContainText('Ventetid for tolk: 0 min');
  const proposal = plan.board('Forslag');
  const slots = proposal.getByRole('row').filter({ has: page.getByRole('checkbox') });
  await expect(slots).toHaveCount(generated.expected.targetGroup);
  expect(await seriousViolations(page)).toEqual([]);

  // The mapper stays in charge: lock one slot, then accept.
  await proposal.getByRole('checkbox').first().check();
  await plan.accept.click();
  await expect(plan.accepted).toContainText('økter er lagret');
  const accepted = plan.board('Planlagte økter');
  await expect(accepted.getByRole('checkbox').first()).toBeChecked();
  await expect(accepted.getByRole('row').filter({ has: page.getByRole('checkbox') })).toHaveCount(
    generated.expected.targetGroup,
  );

  // A no-show is planned again, from tomorrow, into what is left of the windows; no one else moves.
  const status = accepted.getByRole('combobox', { name: /^Oppmøte: / }).first();
  const noShow = (await status.getAttribute('aria-label'))!.replace('Oppmøte: ', '');
  await status.selectOption({ label: 'Møtte ikke' });
  await plan.propose();
  const again = plan
    .board('Forslag')
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox') });
  await expect(again).toHaveCount(1);
  await expect(again).toContainText(noShow);
  await plan.accept.click();
  await expect(accepted.getByRole('combobox', { name: `Oppmøte: ${noShow}` })).toHaveCount(2);

  // The interpreter service's answer: who interprets the first session with an interpreter.
  const booking = accepted.getByRole('group', { name: /^Tolk bestilt for / }).first();
  await booking.getByLabel('Tolkens navn').fill('Tolk Tolkesen');
  await booking.getByRole('button', { name: 'Lagre tolk' }).click();
  await expect(booking.getByRole('status')).toHaveText('Lagret.');
  await plan.interpreterOrders.click();
  const orders = page.getByRole('region', { name: 'Tolkebestillinger' });
  await expect(orders.getByRole('cell', { name: 'Tolk Tolkesen' })).toBeVisible();
  const ordersDownload = page.waitForEvent('download');
  await orders.getByRole('button', { name: 'Last ned CSV' }).click();
  const ordersCsv = readFileSync((await (await ordersDownload).path())!, 'utf8');
  expect(ordersCsv.slice(1).split('\r\n')[0]).toBe(
    'Språk;Dato;Fra;Til;Sted;Adresse;Oppmøte;Kategori;Antall beboere;Tolk',
  );
  expect(ordersCsv).toContain(';Tolk Tolkesen');
  expect(ordersCsv).not.toContain(target.givenName);
  await orders.getByRole('button', { name: 'Tilbake til planen' }).click();
  await plan.expectOpen();

  // The weekly list: one page per centre, the bus-ticket note, a QR code per resident (no name in it).
  await plan.weeklyList.click();
  const weekly = page.getByRole('region', { name: 'Ukeliste for mottakene' });
  await expect(weekly.getByRole('heading', { level: 2 })).toHaveText('Ukeliste for mottakene');
  const asen = weekly.getByRole('region', { name: 'Åsen mottak' });
  await expect(asen.getByRole('cell', { name: /^Bussbillett \(\d+,\d km\)$/ }).first()).toBeVisible();
  const qr = weekly.getByRole('img', { name: /QR/ }).first();
  await expect(qr).toBeVisible();
  const links = await weekly.locator('figcaption a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    expect(link).toMatch(/\/info(\/[a-z]+)?\?t=/);
    expect(link).not.toMatch(/HYPERLINK|\d{12}/);
  }
  expect(await seriousViolations(page)).toEqual([]);

  // Printed: no app chrome, the list alone.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.sync-bar')).toBeHidden();
  await expect(weekly.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await expect(asen).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The CSV as Norwegian Excel opens it.
  const downloading = page.waitForEvent('download');
  await weekly.getByRole('button', { name: 'Last ned CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ukeliste-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8').slice(1);
  expect(csv.split('\r\n')[0]).toBe('Mottak;Navn;DUF-nummer;Dato;Tid;Sted;Adresse;Reise;Tolkespråk');
  expect(csv).toContain(`"'${FORMULA.replaceAll('"', '""')}, ${target.givenName}"`);
  expect(csv).not.toMatch(/(^|;)=/m);

  // A4 pages (the suite's Chromium runs headless, where page.pdf works): one page per centre at least.
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  expect(boxes.length).toBeGreaterThanOrEqual(await weekly.getByRole('region').count());
  // A4 is 210 × 297 mm: 595 × 842 points.
  for (const box of boxes) expect(box).toEqual([595, 842]);

  // The resident's own screen shows the appointment and hands it (time and place) to resident mode.
  await weekly.getByRole('button', { name: 'Tilbake til planen' }).click();
  await plan.region.getByRole('button', { name: 'Tilbake til beboerlisten' }).click();
  await roster.search.fill(target.duf!);
  await roster.openResident(roster.resident(target.givenName, FORMULA));
  await expect(page.getByTestId('appointment')).toContainText(ROOM.name);
});
