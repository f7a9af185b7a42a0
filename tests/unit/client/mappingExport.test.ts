import { describe, expect, it } from 'vitest';
import { mappingExport, mappingExportFileName, osloDate } from '../../../src/client/ui/mapping/mappingExport.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';
import { COMPLETE_V1 } from '../form/fixtures.ts';

describe('the JSON export of a mapping', () => {
  it('holds the relevant answers as codes, section by section in form order', () => {
    const answers = { ...COMPLETE_V1, interpreterUsed: 'noSharedLanguage', interpreterMode: 'video' };
    const exported = mappingExport(FORM_V1, answers, 'm-1', '123456789012');
    expect(exported.format).toBe('kartlegg-mapping');
    expect(exported.formVersion).toBe(1);
    expect(exported.duf).toBe('123456789012');
    const order = FORM_V1.sections.map((s) => s.code);
    expect(exported.sections.map((s) => s.section)).toEqual(
      order.filter((c) => exported.sections.some((s) => s.section === c)),
    );
    const flat = Object.assign({}, ...exported.sections.map((s) => s.answers)) as Record<string, unknown>;
    expect(flat.interpreterMode).toBeUndefined();
    expect(flat.interpreterUsed).toBe('noSharedLanguage');
  });

  it('names the file by date only, and knows the date in Oslo', () => {
    expect(mappingExportFileName('2026-11-23')).toBe('kartlegging-2026-11-23.json');
    expect(osloDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });
});
