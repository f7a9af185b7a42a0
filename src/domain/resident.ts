/**
 * The roster's record of one resident. Later issues add the NIR fields (DUF, permit, …);
 * the skeleton holds what a mapper types by hand.
 */
export interface Resident {
  id: string;
  givenName: string;
  familyName: string;
  /** ISO date `yyyy-mm-dd`, or null when unknown. */
  birthDate: string | null;
}

/** Fields a mutation may change, and therefore what sync carries field by field. */
export type ResidentFields = Omit<Resident, 'id'>;

export type ResidentProblem = 'givenNameRequired' | 'familyNameRequired' | 'nameTooLong' | 'birthDateInvalid';

export const NAME_MAX_LENGTH = 100;

/** Trims and checks what a user typed; returns the clean fields or the problems, as codes. */
export function checkResidentInput(input: {
  givenName: string;
  familyName: string;
  birthDate: string;
}): { ok: true; fields: ResidentFields } | { ok: false; problems: ResidentProblem[] } {
  const givenName = input.givenName.trim().replace(/\s+/g, ' ');
  const familyName = input.familyName.trim().replace(/\s+/g, ' ');
  const birthDate = input.birthDate.trim();
  const problems: ResidentProblem[] = [];
  if (!givenName) problems.push('givenNameRequired');
  if (!familyName) problems.push('familyNameRequired');
  if (givenName.length > NAME_MAX_LENGTH || familyName.length > NAME_MAX_LENGTH) problems.push('nameTooLong');
  if (birthDate && !isIsoDate(birthDate)) problems.push('birthDateInvalid');
  if (problems.length) return { ok: false, problems };
  return { ok: true, fields: { givenName, familyName, birthDate: birthDate || null } };
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
