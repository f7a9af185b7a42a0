import { describe, expect, it } from 'vitest';
import nbForm from '../../../src/client/i18n/locales/form/nb.json';
import { answerSummary, type SummaryItem } from '../../../src/client/ui/mapping/answerSummary.ts';
import { formLabelsOf } from '../../../src/client/ui/mapping/formLabels.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';
import { COMPLETE_V1 } from '../form/fixtures.ts';

const nb = formLabelsOf('nb', nbForm, 'staff');
const byQuestion = (sections: ReturnType<typeof answerSummary>) =>
  new Map(sections.flatMap((s) => s.items).map((i): [string, SummaryItem] => [i.question, i]));
const answer = (item: SummaryItem | undefined) => (item && 'answer' in item ? item.answer : undefined);

describe('the summary of a mapping', () => {
  const sections = answerSummary(FORM_V1, COMPLETE_V1, nb);
  const items = byQuestion(sections);

  it('follows the form section by section, titled in the language', () => {
    const order = FORM_V1.sections.map((s) => s.code);
    expect(sections.map((s) => s.section)).toEqual(order.filter((c) => sections.some((s) => s.section === c)));
    expect(sections.find((s) => s.section === 'work')?.title).toBe('Arbeidserfaring');
  });

  it('names choices, lists several, and formats dates and numbers for the language', () => {
    expect(answer(items.get('sessionPlace'))).toBe('Voksenopplæringen');
    expect(answer(items.get('digitalSkills'))).toBe('Smarttelefon, E-post og PC');
    expect(answer(items.get('sessionDate'))).toBe('20. november 2026');
    expect(answer(items.get('schoolYears'))).toBe('16');
    expect(items.get('schoolYears')?.label).toBe('Antall år med skolegang i alt');
  });

  it('gives a group’s entries with their own answers, occupations by title', () => {
    const jobs = items.get('jobs');
    expect(jobs && 'entries' in jobs ? jobs.entries.length : 0).toBe(2);
    const first = jobs && 'entries' in jobs ? jobs.entries[0] : [];
    expect(first?.find((l) => l.question === 'jobOccupation')?.answer).toBe('Realister, ingeniører og arkitekter');
  });

  it('leaves out what skip logic hides, even when an answer is stored', () => {
    const shared = byQuestion(answerSummary(FORM_V1, { ...COMPLETE_V1, interpreterUsed: 'noSharedLanguage' }, nb));
    expect(shared.has('interpreterMode')).toBe(false);
    expect(items.has('interpreterMode')).toBe(true);
  });

  it('keeps the same items in a resident language, labelled there, with no Norwegian fallback', () => {
    const ar = formLabelsOf(
      'ar',
      {
        section: { work: { title: 'الخبرة العملية' } },
        choice: { sessionPlace: { adultEducationCentre: 'مركز تعليم الكبار' } },
        occupationMajor: { '2': 'المهنيون' },
      },
      'resident',
    );
    const translated = answerSummary(FORM_V1, COMPLETE_V1, ar);
    expect(translated.map((s) => s.items.map((i) => i.question))).toEqual(
      sections.map((s) => s.items.map((i) => i.question)),
    );
    expect(translated.find((s) => s.section === 'work')?.title).toBe('الخبرة العملية');
    const arItems = byQuestion(translated);
    expect(answer(arItems.get('sessionPlace'))).toBe('مركز تعليم الكبار');
    // No label in the file: empty, and a choice it cannot name stays its code.
    expect(arItems.get('schoolYears')?.label).toBe('');
    expect(answer(arItems.get('readsOwnLanguage'))).toBe('yes');
    // A sub-major occupation is named by its major group's title in the language.
    const jobs = arItems.get('jobs');
    const first = jobs && 'entries' in jobs ? jobs.entries[0] : [];
    expect(first?.find((l) => l.question === 'jobOccupation')?.answer).toBe('المهنيون');
  });
});
