import type { FormDefinition, Rule } from '../types.ts';
import { ADAPTATION, NOTE, OUTCOME } from './closing.ts';
import { EDUCATION, LITERACY } from './education.ts';
import { LANGUAGES } from './languages.ts';
import { IDENTITY, SESSION } from './session.ts';
import { GOALS, OTHER_COMPETENCE, WORK } from './work.ts';

/**
 * The mapping stops after identity when the person was already mapped elsewhere, or has collective
 * protection and does not want to be mapped: the competence sections become irrelevant.
 */
const goesOn: Rule = {
  not: { any: [{ equals: ['alreadyMapped', 'yes'] }, { equals: ['mappingWanted', 'no'] }] },
};

const competence = [LANGUAGES, LITERACY, EDUCATION, WORK, OTHER_COMPETENCE, GOALS, ADAPTATION].map((s) => ({
  ...s,
  relevantWhen: goesOn,
}));

/** Version 1 of the mapping form, after the outline in the domain brief. */
export const FORM_V1: FormDefinition = {
  version: 1,
  sections: [SESSION, IDENTITY, ...competence, NOTE, OUTCOME],
};
