import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { todayInOslo } from '../../src/domain/roster/deadline.ts';
import { generateNir, writeList, type ListRow } from '../fixtures/nir/generate.ts';
import type { ImportPage } from './pages/ImportPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { residentIdByDuf, storeCompletedMapping } from './pages/localDatabase.ts';
import type { RosterPage } from './pages/RosterPage.ts';
import { signInOffline } from './pages/offline.ts';
import { dufOf, expectedListCounts } from './rosterExpectations.ts';

async function expectCounts(roster: RosterPage, counts: Record<string, number>): Promise<void> {
  for (const [list, count] of Object.entries(counts)) {
    await expect(roster.listCount(list), `the "${list}" working list`).toHaveText(String(count));
  }
}

test('imports two generated lists offline, counts every working list, and shows the difference of a re-import', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const today = todayInOslo(Date.now());
  const generated = generateNir({ people: 400, seed: 7, asOf: today });
  const listA = writeList(generated.listA, 'A');
  const listB = writeList(generated.listB, 'B');
  const roster = await signInOffline(page, context);

  let importer: ImportPage = await roster.openImport();
  // List A with the file picker (Windows-1252), list B dropped on its zone (UTF-8 with BOM).
  await importer.choose('A', { name: 'kvalifisering-i-mottak.csv', bytes: listA });
  await importer.drop('B', 'rett-og-plikt.csv', listB);
  await expect(importer.loaded('A')).toHaveText(
    `kvalifisering-i-mottak.csv: ${generated.listA.length} rader, Windows-1252, skilt med semikolon.`,
  );
  await expect(importer.loaded('B')).toHaveText(
    `rett-og-plikt.csv: ${generated.listB.length} rader, UTF-8 med BOM, skilt med semikolon.`,
  );
  // The column guess is shown and can be changed: list B has a full-name column, no given names.
  await expect(await importer.column('A', 'DUF-nummer')).toHaveValue('0');
  await expect(await importer.column('B', 'Fullt navn')).toHaveValue('2');
  await expect(await importer.column('B', 'Fornavn')).toHaveValue('');
  const language = await importer.column('B', 'Morsmål');
  await language.selectOption({ label: 'Ikke i filen' });
  await language.selectOption({ label: 'Kolonne 7: Språk' });

  await importer.showPreview();
  const { invalidRows, ...classes } = generated.expected;
  for (const [cls, count] of Object.entries(classes)) {
    await expect(importer.figure(`class-${cls}`), cls).toHaveText(String(count));
  }
  await expect(importer.figure('class-invalidRows')).toHaveText(String(invalidRows));
  const expected = expectedListCounts(generated, today);
  await expect(importer.figure('diff-added')).toHaveText(String(expected.all));
  // Invalid rows are listed with file, row number and reason; needs-review people with the reason.
  const invalid = await importer.unfold(/^Rader som ikke kunne leses/, 'invalid-list');
  await expect(invalid).toContainText('rett-og-plikt.csv rad');
  await expect(invalid).toContainText('DUF-nummeret har ikke 12 sifre');
  const review = await importer.unfold(/^Må sjekkes, med grunn/, 'review-list');
  await expect(review).toContainText('Radene har ulike fødselsdatoer.');

  await importer.commit();
  await expect(importer.saved).toContainText(`${expected.all} nye, 0 endret, 0 ikke lenger på listene`);
  await importer.toRoster.click();
  await expectCounts(roster, expected);
  await expect(roster.heading).toContainText(`${expected.all} beboere`);

  // Search as you type, without diacritics, by name or DUF; the list is sorted by deadline.
  const someone = generated.people.find((p) => p.note === '' && p.inA && p.inB && p.expected === 'targetGroup')!;
  await roster.search.fill(`${someone.familyName.toUpperCase()} ${someone.givenName.split(' ')[0]}`);
  await expect(roster.resident(someone.givenName, someone.familyName)).toBeVisible();
  await roster.search.fill(someone.duf!.slice(-6));
  await expect(roster.resident(someone.givenName, someone.familyName)).toBeVisible();
  await roster.search.fill('');

  // One resident gets a completed mapping (as the mapping form will store it): "mapped".
  const people = generated.people.filter(
    (p) => p.note === '' && p.inA && p.inB && p.duf && p.expected === 'targetGroup',
  );
  const [goneMapped, gone, moved] = people;
  if (!goneMapped || !gone || !moved) throw new Error('the generator gave too few people');
  await storeCompletedMapping(page, await residentIdByDuf(page, goneMapped.duf!));
  await new SignInPage(page).reloadAndUnlock();
  await roster.expectOpen();
  await expectCounts(roster, { mapped: 1, unscheduled: expected.unscheduled - 1 });

  // Next week's pair: two people gone (one of them mapped), one moved to another centre, three new.
  const goneDufs = new Set([goneMapped.duf, gone.duf]);
  const extra = generateNir({ people: 30, seed: 99, asOf: today, tricky: false });
  const newcomers = new Set(
    extra.people
      .filter((p) => p.inA && p.inB)
      .slice(0, 3)
      .map((p) => p.duf),
  );
  const nextWeek = (rows: ListRow[], extraRows: ListRow[]) => [
    ...rows
      .filter((r) => !goneDufs.has(dufOf(r)))
      .map((r) => (dufOf(r) === moved.duf ? { ...r, receptionCentre: 'Nytt mottak' } : r)),
    ...extraRows.filter((r) => newcomers.has(dufOf(r))),
  ];
  importer = await roster.openImport();
  await importer.choose('A', { name: 'uke2-a.csv', bytes: writeList(nextWeek(generated.listA, extra.listA), 'A') });
  await importer.choose('B', { name: 'uke2-b.csv', bytes: writeList(nextWeek(generated.listB, extra.listB), 'B') });
  // Last week's column choice is remembered for files with the same headers.
  await expect(importer.list('B')).toContainText('Kolonnene er valgt som sist');
  await importer.showPreview();
  await expect(importer.figure('diff-added')).toHaveText('3');
  await expect(importer.figure('diff-changed')).toHaveText('1');
  await expect(importer.figure('diff-unlisted')).toHaveText('2');
  await expect(importer.figure('diff-relisted')).toHaveText('0');
  // The generator's numberless person who shares name and birth date with two others cannot be told
  // apart from them next week either: shown as unclear, and nobody is changed for them.
  await expect(importer.figure('diff-ambiguous')).toHaveText('1');
  await expect(importer.figure('diff-skipped')).toHaveText('0');
  await expect(importer.figure('diff-unchanged')).toHaveText(String(expected.all - 4));
  await expect(importer.preview.getByTestId('diff-kept')).toHaveText(
    '1 av dem som ikke lenger står på listene, har en kartlegging.',
  );
  const changed = await importer.unfold(/^Endrede beboere og hva som endres/, 'changed-list');
  await expect(changed).toHaveText(`${moved.familyName}, ${moved.givenName}: mottak`);
  const unlisted = await importer.unfold(/^Ikke lenger på listene \(/, 'unlisted-list');
  await expect(unlisted).toContainText(`${goneMapped.familyName}, ${goneMapped.givenName} har kartlegging`);
  await importer.commit();
  await importer.toRoster.click();

  // Nobody is deleted: the two are kept, marked as no longer listed; the mapped one is still mapped.
  await expectCounts(roster, { all: expected.all + 3, unlisted: 2, mapped: 1 });
  await roster.showList('unlisted');
  await expect(roster.resident(goneMapped.givenName, goneMapped.familyName)).toBeVisible();
  await expect(roster.resident(gone.givenName, gone.familyName)).toBeVisible();
});

test('broken files end with a clear message and leave the roster unchanged', async ({ page, context }) => {
  const today = todayInOslo(Date.now());
  const generated = generateNir({ people: 60, seed: 3, asOf: today, tricky: false });
  const roster = await signInOffline(page, context);
  await roster.addResident('Ola', 'Uendret', '1990-05-17');
  await expect(roster.saved).toBeVisible();
  await expect(roster.listCount('all')).toHaveText('1');

  const importer = await roster.openImport();
  await importer.choose('B', { name: 'liste-b.csv', bytes: writeList(generated.listB, 'B') });
  await expect(importer.loaded('B')).toBeVisible();

  const text = (s: string) => new TextEncoder().encode(s);
  const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256);
  const workbook = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...text('[Content_Types].xml')]);
  const broken: [string, Uint8Array, string][] = [
    ['tom.csv', new Uint8Array(0), 'tom.csv kan ikke brukes: Filen er tom.'],
    ['bilde.csv', binary, 'bilde.csv kan ikke brukes: Dette er ikke en tekstfil.'],
    ['liste.xlsx', workbook, 'liste.xlsx kan ikke brukes: Dette er en Excel-arbeidsbok.'],
    ['overskrift.csv', text('DUF-nummer;Fornavn;Etternavn\r\n'), 'Filen har bare en overskrift og ingen personer.'],
  ];
  for (const [name, bytes, message] of broken) {
    await importer.choose('A', { name, bytes });
    await expect(importer.problem('A')).toContainText(message);
    await expect(importer.previewButton).toBeDisabled();
  }

  // No column that tells people apart (no DUF, no national id, no name with birth date).
  await importer.choose('A', { name: 'uten-duf.csv', bytes: text('Kjønn;Mottak;Morsmål\r\nK;Nord;Arabisk\r\n') });
  await expect(importer.loaded('A')).toBeVisible();
  await expect(importer.problem('A')).toContainText('Fant ingen kolonne som skiller personene fra hverandre');
  await expect(importer.previewButton).toBeDisabled();

  // 50 MB: refused by its size before it is read.
  const big = join(tmpdir(), `kartlegg-e2e-${process.pid}-50mb.csv`);
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'DUF;Navn\r\n'));
  try {
    await importer.choose('A', { path: big });
    await expect(importer.problem('A')).toContainText('Filen er for stor (over 20 MB).');
    await expect(importer.previewButton).toBeDisabled();
  } finally {
    rmSync(big, { force: true });
  }

  // UTF-8 that was once read as Windows-1252 ("Ã¸" for "ø"): readable, so it is shown with a warning.
  const csvA = new TextDecoder('windows-1252').decode(writeList(generated.listA, 'A'));
  const twice = Buffer.from(Buffer.from(csvA, 'utf8').toString('latin1'), 'utf8');
  await importer.choose('A', { name: 'dobbelt-kodet.csv', bytes: twice });
  await expect(importer.warning('A')).toContainText('Teksten ser ut til å ha feil tegnkoding');

  await importer.back.click();
  await expect(roster.listCount('all')).toHaveText('1');
  await expect(roster.resident('Ola', 'Uendret')).toBeVisible();
  await expect(roster.syncPending).toHaveText('1 endring venter på synkronisering');
});
