import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PROTOCOL_VERSION } from '../../src/protocol/version.ts';
import { z } from 'zod';
import { RecordSnapshot } from '../../src/protocol/sync.ts';
import { FORM_V1 } from '../../src/domain/form/v1/index.ts';
import { seriousViolations } from './pages/axe.ts';
import { residentIdByFamilyName, storedMapping, storedToken, storeOpenConflict } from './pages/localDatabase.ts';
import { ConflictsPage } from './pages/ConflictsPage.ts';
import { choiceLabel as choice, MappingFormPage, questionLabel, sectionTitle } from './pages/MappingFormPage.ts';
import { ResidentPage } from './pages/ResidentPage.ts';
import type { RosterPage } from './pages/RosterPage.ts';
import { waitForServiceWorkerControl } from './pages/serviceWorker.ts';
import { SignInPage } from './pages/SignInPage.ts';

/** Every answer the test gives, as the codes the server must end up with. */
const EXPECTED = {
  formVersion: 1,
  sessionDate: '2026-11-20',
  sessionPlace: 'receptionCentre',
  mapperName: 'Kari Kartlegger',
  interpreterUsed: 'yes',
  interpreterLanguage: 'ar',
  interpreterCategory: 'B',
  interpreterMode: 'inPerson',
  infoLanguage: 'ar',
  understandingConfirmed: 'yes',
  identityChecked: 'confirmed',
  permitType: 'refugee',
  permitDate: '2026-09-01',
  alreadyMapped: 'no',
  motherTongue: 'ar',
  norwegianUnderstand: 'none',
  norwegianSpeak: 'none',
  norwegianRead: 'none',
  norwegianWrite: 'none',
  norwegianTeaching: 'lessThanOneMonth',
  englishUnderstand: 'aLittle',
  englishSpeak: 'none',
  englishRead: 'aLittle',
  englishWrite: 'none',
  readsOwnLanguage: 'yes',
  writesOwnLanguage: 'yes',
  latinAlphabet: 'letters',
  highestEducation: 'upperSecondaryGeneral',
  educations: [
    {
      educationLevel: 'upperSecondaryGeneral',
      educationField: 'generic',
      educationCountry: 'SY',
      educationYears: 12,
      educationCompleted: 'yes',
      educationDocuments: 'copy',
    },
  ],
  schoolYears: 12,
  completedUpperSecondary: 'yes',
  hasWorkExperience: 'yes',
  jobs: [{ jobOccupation: '2', jobYears: 'threeToFive', jobEmployment: 'employed', jobCountry: 'SY' }],
  informalWork: ['farming', 'household'],
  drivingLicence: ['B'],
  drivingLicenceDocument: 'held',
  certificates: ['none'],
  digitalSkills: ['smartphone', 'email'],
  volunteering: 'no',
  goalShortTerm: 'learnNorwegian',
  goalLongTerm: 'ownOccupation',
  adaptationNeed: 'no',
  mapperNote: 'Ønsker å ta opp igjen læreryrket.',
  status: 'complete',
};

async function openMappingFromRoster(page: Page, roster: RosterPage, family: string, button: string) {
  await roster.openResident(roster.resident('Nadia', family));
  await new ResidentPage(page).region.getByRole('button', { name: button }).click();
  const form = new MappingFormPage(page);
  await expect(form.heading).toBeFocused();
  return form;
}

async function pullAll(page: Page, token: string): Promise<RecordSnapshot[]> {
  const records: RecordSnapshot[] = [];
  let cursor = 0;
  for (;;) {
    const res = await page.request.get(`/api/sync/pull?protocol=${PROTOCOL_VERSION}&cursor=${cursor}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status()).toBe(200);
    // Only the parts this test reads: the rest of a pull is the sync tests' business.
    const body = z
      .object({ records: z.array(RecordSnapshot), cursor: z.number(), more: z.boolean() })
      .parse(await res.json());
    records.push(...body.records);
    cursor = body.cursor;
    if (!body.more) return records;
  }
}

// Issue 5's proof: a whole mapping filled with no network, a reload half-way, completion, and after
// sync every answer on the server.
test('a mapper fills a whole mapping offline, reloads half-way, completes it, and the server gets every answer', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const roster = await new SignInPage(page).signInAsMapper();
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await new SignInPage(page).reloadAndUnlock();
  await roster.expectOpen();

  const family = `Kartlagt${Date.now().toString(36)}`;
  await roster.addResident('Nadia', family, '1994-03-02');
  await expect(roster.saved).toBeVisible();

  let form = await openMappingFromRoster(page, roster, family, 'Start kartlegging');
  await form.expectSection(sectionTitle('session'));
  await form.fill('sessionDate', '2026-11-20');
  await form.choose('sessionPlace', choice('sessionPlace', 'receptionCentre'));
  await form.fill('mapperName', 'Kari Kartlegger');
  // Skip logic: the interpreter's questions appear only once an interpreter was used.
  await expect(form.region.getByRole('group', { name: questionLabel('interpreterCategory') })).toHaveCount(0);
  await form.choose('interpreterUsed', choice('interpreterUsed', 'yes'));
  await form.select('interpreterLanguage', 'arabisk');
  await form.choose('interpreterCategory', choice('interpreterCategory', 'B'));
  await form.choose('interpreterMode', choice('interpreterMode', 'inPerson'));
  await form.choose('infoLanguage', 'arabisk');
  await form.choose('understandingConfirmed', choice('yesNo', 'yes'));
  await expect(form.nav.getByTestId('progress-session')).toHaveText('9 av 9 påkrevde besvart');

  await form.goNext(sectionTitle('identity'));
  await form.choose('identityChecked', choice('identityChecked', 'confirmed'));
  await form.choose('permitType', choice('permitType', 'refugee'));
  await form.fill('permitDate', '2026-09-01');
  await form.choose('alreadyMapped', choice('alreadyMapped', 'no'));

  await form.goNext(sectionTitle('languages'));
  await form.select('motherTongue', 'arabisk');
  for (const skill of ['Understand', 'Speak', 'Read', 'Write']) {
    await form.choose(`norwegian${skill}`, choice('skillLevel', 'none'));
  }
  await form.choose('norwegianTeaching', choice('norwegianTeaching', 'lessThanOneMonth'));
  for (const [skill, level] of [
    ['Understand', 'aLittle'],
    ['Speak', 'none'],
    ['Read', 'aLittle'],
    ['Write', 'none'],
  ] as const) {
    await form.choose(`english${skill}`, choice('skillLevel', level));
  }

  // Half-way: a reload (still offline) loses nothing; the form continues where answers are missing.
  await new SignInPage(page).reloadAndUnlock();
  await roster.expectOpen();
  form = await openMappingFromRoster(page, roster, family, 'Fortsett kartlegging');
  await form.expectSection(sectionTitle('literacy'));
  await expect(form.nav.getByTestId('progress-languages')).toHaveText('10 av 10 påkrevde besvart');
  await form.openSection('session');
  await expect(form.region.getByLabel(questionLabel('mapperName'), { exact: true })).toHaveValue('Kari Kartlegger');
  await expect(form.region.getByLabel(questionLabel('interpreterLanguage'), { exact: true })).toHaveValue('ar');
  await expect(
    form.region
      .getByRole('group', { name: questionLabel('interpreterMode'), exact: true })
      .getByRole('radio', { name: choice('interpreterMode', 'inPerson') }),
  ).toBeChecked();
  await form.openSection('literacy');

  await form.choose('readsOwnLanguage', choice('literacyLevel', 'yes'));
  await form.choose('writesOwnLanguage', choice('literacyLevel', 'yes'));
  await form.choose('latinAlphabet', choice('latinAlphabet', 'letters'));

  await form.goNext(sectionTitle('education'));
  await form.choose('highestEducation', choice('educationLevel', 'upperSecondaryGeneral'));
  const education = await form.addEntry('educations', 1);
  await form.choose('educationLevel', choice('educationLevel', 'upperSecondaryGeneral'), education);
  await form.choose('educationField', choice('educationField', 'generic'), education);
  await form.select('educationCountry', 'Syria', education);
  await form.fill('educationYears', '12', education);
  await form.choose('educationCompleted', choice('educationCompleted', 'yes'), education);
  await form.choose('educationDocuments', choice('educationDocuments', 'copy'), education);
  // An answer the definition refuses is shown at the field and not saved.
  const schoolYears = form.region.getByLabel(questionLabel('schoolYears'), { exact: true });
  await schoolYears.fill('99');
  await schoolYears.blur();
  await expect(form.question('schoolYears').getByText('Tallet er utenfor det som er mulig.')).toBeVisible();
  await expect(schoolYears).toHaveAttribute('aria-invalid', 'true');
  await expect(form.saved('schoolYears')).toHaveCount(0);
  await form.fill('schoolYears', '12');
  await expect(form.question('schoolYears').getByText('Tallet er utenfor det som er mulig.')).toHaveCount(0);
  await form.choose('completedUpperSecondary', choice('yesNo', 'yes'));
  expect(await seriousViolations(page)).toEqual([]);

  await form.goNext(sectionTitle('work'));
  await form.choose('hasWorkExperience', choice('yesNo', 'yes'));
  const job = await form.addEntry('jobs', 1);
  await form.pickOccupation('jobOccupation', 'akademisk', /^2 Akademiske yrker$/, job);
  await form.choose('jobYears', choice('jobYears', 'threeToFive'), job);
  await form.choose('jobEmployment', choice('jobEmployment', 'employed'), job);
  await form.select('jobCountry', 'Syria', job);
  await form.checkAll('informalWork', [choice('informalWork', 'farming'), choice('informalWork', 'household')]);

  await form.goNext(sectionTitle('otherCompetence'));
  await form.checkAll('drivingLicence', [choice('drivingLicence', 'B')]);
  await form.choose('drivingLicenceDocument', choice('drivingLicenceDocument', 'held'));
  await form.checkAll('certificates', [choice('certificates', 'none')]);
  await form.checkAll('digitalSkills', [choice('digitalSkills', 'smartphone'), choice('digitalSkills', 'email')]);
  await form.choose('volunteering', choice('yesNo', 'no'));

  await form.goNext(sectionTitle('goals'));
  await form.choose('goalShortTerm', choice('goalShortTerm', 'learnNorwegian'));
  await form.choose('goalLongTerm', choice('goalLongTerm', 'ownOccupation'));

  await form.goNext(sectionTitle('adaptation'));
  await form.choose('adaptationNeed', choice('adaptationNeed', 'no'));

  await form.goNext(sectionTitle('note'));
  await form.fill('mapperNote', EXPECTED.mapperNote);

  await form.goNext('Gjennomgang og status');
  await expect(form.missingNone).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await form.complete.click();
  await expect(form.completed).toBeVisible();

  // The transfer to IMDi: the answers as JSON, section by section; then the date it was registered.
  const download = page.waitForEvent('download');
  await form.region.getByRole('button', { name: 'Last ned svarene som JSON (til IMDi)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kartlegging-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
    sections: { section: string; answers: Record<string, unknown> }[];
  };
  // Every section answered, so every section of the form, in its order.
  expect(exported.sections.map((x) => x.section)).toEqual(FORM_V1.sections.map((x) => x.code));
  const answersOnly = Object.fromEntries(Object.entries(EXPECTED).filter(([k]) => k !== 'formVersion'));
  expect(Object.assign({}, ...exported.sections.map((x) => x.answers))).toEqual(answersOnly);
  // The same answers as a bokmål sheet to print, section by section as IMDi's form asks.
  await form.region.getByRole('button', { name: 'Utskrift til registrering hos IMDi' }).click();
  const sheet = page.locator('.print-sheet');
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(/svar til registrering hos IMDi/);
  await expect(sheet.locator('h3')).toHaveText(FORM_V1.sections.map((x) => sectionTitle(x.code)));
  await expect(sheet.locator('dd[data-question="sessionPlace"]')).toHaveText(
    choice('sessionPlace', EXPECTED.sessionPlace),
  );
  await expect(sheet.locator('dd[data-question="sessionDate"]')).toHaveText('20. november 2026');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Tilbake til kartleggingen' }).click();
  await form.region.getByLabel('Registrert hos IMDi (dato)').fill('2026-11-23');
  await expect(form.saved('registeredWithImdi')).toBeVisible();

  await form.back.click();
  const resident = new ResidentPage(page);
  await expect(resident.region.getByText('Kartleggingen er fullført.')).toBeVisible();
  await expect(resident.region.getByTestId('registered-with-imdi')).toHaveText(
    /^Registrert hos IMDi 23\. nov\.? 2026\.$/,
  );
  await resident.back.click();
  await roster.expectOpen();

  // The tablet's record holds exactly the answers given (nothing else: no hidden answer was stored).
  const residentId = await residentIdByFamilyName(page, family);
  const local = await storedMapping(page, residentId);
  const mappingId = local.id;
  const answers = Object.fromEntries(
    Object.entries(local).filter(([k]) => !['id', 'versions', 'updatedAt', 'residentId'].includes(k)),
  );
  expect(local.residentId).toBe(residentId);
  expect(answers).toEqual({ ...EXPECTED, registeredWithImdi: '2026-11-23' });

  // Online: the outbox drains, and the server holds every answer.
  await context.setOffline(false);
  await roster.syncAndSettle();
  await roster.showList('mapped');
  await expect(roster.resident('Nadia', family)).toBeVisible();

  const records = await pullAll(page, await storedToken(page));
  const onServer = records.find((r) => r.entity === 'mapping' && r.id === mappingId);
  expect(onServer?.fields).toEqual({ ...EXPECTED, registeredWithImdi: '2026-11-23', residentId });
});

test('a mapping on the review page lists what is missing and cannot be completed yet', async ({ page }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  const family = `Halvveis${Date.now().toString(36)}`;
  await roster.addResident('Nadia', family);
  await expect(roster.saved).toBeVisible();
  const form = await openMappingFromRoster(page, roster, family, 'Start kartlegging');
  await form.choose('sessionPlace', choice('sessionPlace', 'other'));
  await form.openReview();
  await expect(form.complete).toBeDisabled();
  await expect(
    form.missingList.getByRole('button', { name: `${sectionTitle('session')}: ${questionLabel('sessionDate')}` }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A link takes the mapper to the question, with focus on it.
  await form.missingList
    .getByRole('button', { name: `${sectionTitle('identity')}: ${questionLabel('permitType')}` })
    .click();
  await form.expectSection(sectionTitle('identity'));
  await expect(
    form.region
      .getByRole('group', { name: questionLabel('permitType'), exact: true })
      .getByRole('radio')
      .first(),
  ).toBeFocused();

  // Or another status, with its reason.
  await form.openReview();
  await form.choose('status', choice('status', 'didNotAttend'));
  await form.choose('statusReason', choice('statusReason', 'residentIll'));
  await expect(form.complete).toBeDisabled();

  // A conflict from sync shows at its field, with the way to resolve it (and back).
  const mapping = await storedMapping(page, await residentIdByFamilyName(page, family));
  await storeOpenConflict(page, {
    entity: 'mapping',
    entityId: String(mapping.id),
    field: 'sessionPlace',
    base: null,
    theirs: 'municipalOffice',
    mine: 'other',
  });
  await new SignInPage(page).reloadAndUnlock();
  await roster.expectOpen();
  const again = await openMappingFromRoster(page, roster, family, 'Fortsett kartlegging');
  await again.expectSection(sectionTitle('session'));
  const conflict = again.region.getByText('Svaret ble endret på et annet nettbrett samtidig.', { exact: false });
  await expect(conflict).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await again.region.getByRole('button', { name: 'Avgjør konflikten' }).click();
  const conflicts = new ConflictsPage(page);
  await expect(conflicts.heading).toBeFocused();
  await conflicts.choose(questionLabel('sessionPlace'), /municipalOffice/);
  await expect(conflicts.saved).toBeVisible();
  await conflicts.region.getByRole('button', { name: 'Tilbake til kartleggingen' }).click();
  await expect(again.heading).toBeFocused();
  await expect(conflict).toHaveCount(0);
  await again.openSection('session');
  await expect(
    again.region
      .getByRole('group', { name: questionLabel('sessionPlace'), exact: true })
      .getByRole('radio', { name: choice('sessionPlace', 'municipalOffice') }),
  ).toBeChecked();
});

test('an answer changed and changed straight back is stored as the last choice', async ({ page }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  const family = `Fram${Date.now().toString(36)}`;
  await roster.addResident('Nadia', family);
  await expect(roster.saved).toBeVisible();
  const form = await openMappingFromRoster(page, roster, family, 'Start kartlegging');
  const radios = form.question('sessionPlace').getByRole('radio');
  await expect(radios.first()).toBeVisible();
  // Each tap the moment the previous one says "saved": quicker than the stored record is observed.
  const last = await page.evaluate(async () => {
    const question = document.querySelector('[data-question="sessionPlace"]')!;
    const state = question.querySelector<HTMLElement>('.save-state')!;
    const inputs = [...question.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    for (const input of [inputs[0], inputs[1], inputs[0], inputs[1], inputs[0]]) {
      await new Promise<void>((resolve) => {
        let saving = false;
        const observer = new MutationObserver(() => {
          saving ||= state.dataset.state === 'saving';
          if (saving && state.dataset.state === 'saved') {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(state, { attributes: true });
        input!.click();
      });
    }
    return inputs[0]!.value;
  });
  await expect
    .poll(async () => (await storedMapping(page, await residentIdByFamilyName(page, family))).sessionPlace)
    .toBe(last);
});
