import { referencedCodes, type Rule } from './rules.ts';
import { choiceCodes } from './schema.ts';
import { MAPPING_STATUSES, STATUS_QUESTION } from './status.ts';
import type { FormDefinition } from './types.ts';
import { MAPPING_META_FIELDS, fieldName } from './fields.ts';

const CODE = /^[a-z][A-Za-z0-9]{0,62}$/;
const CHOICE = /^[A-Za-z0-9][A-Za-z0-9]{0,62}$/;

/**
 * Mistakes a definition must not contain, as messages for a test (a definition is code, so a bad
 * one is a programming error): duplicate or malformed codes, rules that read a later or unknown
 * question, exclusive choices that are not choices, a field name that collides with a meta field,
 * a missing status question.
 */
export function definitionProblems(definition: FormDefinition): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const sections = new Set<string>();
  const checkRule = (owner: string, rule: Rule | boolean | undefined, earlier: ReadonlySet<string>) => {
    if (rule === undefined || typeof rule === 'boolean') return;
    for (const code of referencedCodes(rule)) {
      if (!earlier.has(code)) problems.push(`${owner}: rule reads ${code}, which is not an earlier question`);
    }
  };
  for (const section of definition.sections) {
    if (sections.has(section.code) || !CODE.test(section.code)) problems.push(`section ${section.code}: bad code`);
    sections.add(section.code);
    checkRule(`section ${section.code}`, section.relevantWhen, seen);
    for (const question of section.questions) {
      const entryCodes = new Set(seen);
      for (const q of [question, ...(question.type === 'group' ? question.questions : [])]) {
        if (seen.has(q.code) || !CODE.test(q.code)) problems.push(`${q.code}: duplicate or malformed code`);
        const earlier = q === question ? seen : entryCodes;
        checkRule(q.code, q.relevantWhen, earlier);
        checkRule(q.code, q.required, earlier);
        seen.add(q.code);
        if (q !== question) entryCodes.add(q.code);
        if (q.type === 'single' || q.type === 'multiple') {
          const codes = choiceCodes(q.choices);
          if (new Set(codes).size !== codes.length) problems.push(`${q.code}: duplicate choice`);
          const listed = 'set' in q.choices ? q.choices.codes : (q.choices.extra?.codes ?? []);
          for (const c of listed) if (!CHOICE.test(c)) problems.push(`${q.code}: malformed choice ${c}`);
        }
        if (q.type === 'multiple') {
          for (const c of q.exclusive ?? []) {
            if (!choiceCodes(q.choices).includes(c)) problems.push(`${q.code}: exclusive ${c} is no choice`);
          }
        }
      }
      if (MAPPING_META_FIELDS.includes(fieldName(question.code))) problems.push(`${question.code}: meta field name`);
    }
  }
  const status = definition.sections.flatMap((s) => s.questions).find((q) => q.code === STATUS_QUESTION);
  if (status?.type !== 'single' || MAPPING_STATUSES.some((s) => !choiceCodes(status.choices).includes(s))) {
    problems.push('no status question with every mapping status');
  }
  return problems;
}
