import type { FormDefinition } from './types.ts';
import { FORM_V1 } from './v1/index.ts';

/** Every shipped version of the mapping form, oldest first. New versions are added, never edited. */
export const FORM_DEFINITIONS: readonly FormDefinition[] = [FORM_V1];

/** The version new mappings start with. */
export const CURRENT_FORM: FormDefinition = FORM_V1;
