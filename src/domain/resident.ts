import type { RosterClass } from './roster/classify.ts';
import { PERSON_FIELDS, type PersonField, type PersonFields } from './roster/personFields.ts';

/**
 * The roster's record of one resident: what a mapper types by hand, and what the weekly NIR lists
 * add (src/domain/roster/). No national id number is stored: the DUF number is the key and name +
 * birth date the fallback (src/protocol/entities.ts says what each field may hold).
 */
export interface Resident extends Partial<RosterFields> {
  id: string;
  givenName: string;
  familyName: string;
  /** ISO date `yyyy-mm-dd`, or null when unknown. */
  birthDate: string | null;
}

export type Gender = 'female' | 'male' | 'unspecified';

/** The person fields every resident has, whether typed by hand or imported. */
export const NAME_FIELDS = ['givenName', 'familyName', 'birthDate'] as const satisfies readonly PersonField[];
type NameField = (typeof NAME_FIELDS)[number];

/** The person fields a mapper types apart from the name and birth date (the import sets the others). */
export type TypedRosterField = Exclude<PersonField, NameField>;

/**
 * The NIR fields and what the import derives from them. Optional on `Resident`: records added by
 * hand before the import existed, or by an older app, lack them (missing reads as null / false).
 */
export interface RosterFields extends Pick<PersonFields, TypedRosterField> {
  /** The classification of the last import; null for a resident only ever added by hand. */
  rosterClass: RosterClass | null;
  /** ISO date: permit date + the municipality's deadline days. */
  deadline: string | null;
  /** ISO date of the last import that listed the resident; null if never imported. */
  listedOn: string | null;
  /** The last import no longer listed the resident (kept, never deleted by an import). */
  unlisted: boolean;
}

/** The fields a person types in the resident form besides the name and birth date. */
export const TYPED_ROSTER_FIELDS = PERSON_FIELDS.filter(
  (f): f is TypedRosterField => !(NAME_FIELDS as readonly PersonField[]).includes(f),
);

/** Fields a form may change, and therefore what sync carries field by field. */
export type ResidentFields = Pick<Resident, NameField> & Partial<Pick<RosterFields, TypedRosterField>>;

export type ResidentProblem =
  | 'givenNameRequired'
  | 'familyNameRequired'
  | 'nameTooLong'
  | 'birthDateInvalid'
  | 'dufInvalid'
  | 'permitDateInvalid'
  | 'textTooLong';

export const NAME_MAX_LENGTH = 100;
/** Citizenship, language, reception centre and permit type (src/protocol/entities.ts). */
export const TEXT_MAX_LENGTH = 200;

/** What the form's inputs hold; the roster fields may be left out (then they are not changed). */
export interface ResidentInputText {
  givenName: string;
  familyName: string;
  birthDate: string;
  duf?: string;
  gender?: string;
  citizenship?: string;
  language?: string;
  receptionCentre?: string;
  permitDate?: string;
  permitType?: string;
}

const GENDERS: readonly string[] = ['female', 'male', 'unspecified'] satisfies Gender[];

/** Trims and checks what a user typed; returns the clean fields or the problems, as codes. */
export function checkResidentInput(
  input: ResidentInputText,
): { ok: true; fields: ResidentFields } | { ok: false; problems: ResidentProblem[] } {
  const givenName = collapse(input.givenName);
  const familyName = collapse(input.familyName);
  const birthDate = input.birthDate.trim();
  const problems: ResidentProblem[] = [];
  if (!givenName) problems.push('givenNameRequired');
  if (!familyName) problems.push('familyNameRequired');
  if (givenName.length > NAME_MAX_LENGTH || familyName.length > NAME_MAX_LENGTH) problems.push('nameTooLong');
  if (birthDate && !isIsoDate(birthDate)) problems.push('birthDateInvalid');
  const fields: ResidentFields = { givenName, familyName, birthDate: birthDate || null };

  if (input.duf !== undefined) {
    // Written as people write it ("2019 123456 78"): the separators go, twelve digits must remain.
    const duf = input.duf.replace(/[\s.\u00a0-]/g, '');
    if (duf && !/^\d{12}$/.test(duf)) problems.push('dufInvalid');
    fields.duf = duf || null;
  }
  if (input.permitDate !== undefined) {
    const permitDate = input.permitDate.trim();
    if (permitDate && !isIsoDate(permitDate)) problems.push('permitDateInvalid');
    fields.permitDate = permitDate || null;
  }
  if (input.gender !== undefined) {
    fields.gender = GENDERS.includes(input.gender) ? (input.gender as Gender) : null;
  }
  let tooLong = false;
  for (const field of ['citizenship', 'language', 'receptionCentre', 'permitType'] as const) {
    const text = input[field];
    if (text === undefined) continue;
    const value = collapse(text);
    if (value.length > TEXT_MAX_LENGTH) tooLong = true;
    fields[field] = value || null;
  }
  if (tooLong) problems.push('textTooLong');
  if (problems.length) return { ok: false, problems };
  return { ok: true, fields };
}

function collapse(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** A real calendar date written `yyyy-mm-dd` (so 2023-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function residentDisplayName(r: Pick<Resident, 'givenName' | 'familyName'>): string {
  return `${r.familyName}, ${r.givenName}`;
}
