import { isIsoDate, NAME_MAX_LENGTH } from '../../domain/resident.ts';
import type { JsonValue } from '../../domain/sync/json.ts';
import { ENTITY_DEFINITIONS, fieldProblem, type Entity } from '../../protocol/entities.ts';
import i18next from 'i18next';
import { currentLanguage, t } from '../i18n/i18n.svelte.ts';
import { formatIsoDate } from './format.ts';

/** Every resident field has a label (tests/unit/locales.test.ts); mapping answers do not (yet). */
const RESIDENT_FIELDS: ReadonlySet<string> = new Set(Object.keys(ENTITY_DEFINITIONS.resident.fields));
const DATE_FIELDS: ReadonlySet<string> = new Set(['birthDate', 'permitDate', 'deadline', 'listedOn']);
const TEXT_FIELDS: ReadonlySet<string> = new Set(['citizenship', 'language', 'receptionCentre', 'permitType']);
/** Chosen from fixed values or set by the import: a conflict on them offers only the values shown. */
const CHOSEN_FIELDS: ReadonlySet<string> = new Set(['deleted', 'unlisted', 'gender', 'rosterClass']);

/**
 * A field's label; a mapping answer is labelled by its question once the form's strings are loaded
 * (src/domain/form/labels.ts); a field the app has no label for (a newer field) shows its name.
 */
export function fieldLabel(entity: Entity, field: string): string {
  if (entity === 'resident' && RESIDENT_FIELDS.has(field)) return t(`fields.resident.${field}`);
  const question = `form.q.${field}.label`;
  return entity === 'mapping' && i18next.exists(question) ? t(question) : field;
}

/** A field value as a person reads it. */
export function formatFieldValue(field: string, value: JsonValue | undefined): string {
  if (value === null || value === undefined || value === '') return t('fields.empty');
  if (field === 'deleted' && typeof value === 'boolean') return value ? t('fields.deletedYes') : t('fields.deletedNo');
  if (typeof value === 'boolean') return value ? t('fields.yes') : t('fields.no');
  if (DATE_FIELDS.has(field) && typeof value === 'string' && isIsoDate(value)) {
    return formatIsoDate(value, currentLanguage());
  }
  if (field === 'gender' && typeof value === 'string') return t(`residentForm.genders.${value}`);
  if (field === 'rosterClass' && typeof value === 'string') return t(`import.classes.${value}`);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Whether a person can type a value of their own for this field (a yes/no field is chosen, not typed). */
export function canTypeValue(field: string): boolean {
  return !CHOSEN_FIELDS.has(field);
}

/** A typed value, cleaned as the resident form cleans it, or undefined when it is not valid for the field. */
export function parseTypedValue(entity: Entity, field: string, text: string): JsonValue | undefined {
  let value: JsonValue;
  if (entity === 'resident' && (field === 'givenName' || field === 'familyName')) {
    value = text.trim().replace(/\s+/g, ' ');
    if (!value || value.length > NAME_MAX_LENGTH) return undefined;
  } else if (entity === 'resident' && DATE_FIELDS.has(field)) {
    const date = text.trim();
    if (date && !isIsoDate(date)) return undefined;
    value = date || null;
  } else if (entity === 'resident' && field === 'duf') {
    value = text.replace(/[\s.\u00a0-]/g, '') || null;
  } else if (entity === 'resident' && TEXT_FIELDS.has(field)) {
    value = text.trim().replace(/\s+/g, ' ') || null;
  } else {
    value = text;
  }
  return fieldProblem(entity, field, value) ? undefined : value;
}
