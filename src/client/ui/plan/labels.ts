import type { InterpreterCategory } from '../../../domain/planning/model.ts';
import type { RosterRow } from '../../db/index.ts';
import { t } from '../../i18n/i18n.svelte.ts';

/** Texts the plan screens share (the board, the problems, the weekly list and the orders). */

/** A slot's resident by name; a free slot or an unknown id says so. */
export function residentName(residents: ReadonlyMap<string, RosterRow>, residentId: string | null): string {
  if (residentId === null) return t('plan.sessions.free');
  const r = residents.get(residentId);
  return r ? `${r.givenName} ${r.familyName}` : t('plan.sessions.unknownResident');
}

/** The travel note: the distance and whether a bus ticket is needed; null when the distance is unknown. */
export function travelText(trip: { km: number; busTicket: boolean } | null): string {
  if (!trip) return t('plan.sessions.unknownDistance');
  return t(trip.busTicket ? 'plan.sessions.busTicket' : 'plan.sessions.noBusTicket', {
    km: trip.km.toLocaleString('nb'),
  });
}

/** The interpreter category asked for; null: any qualified interpreter. */
export function categoryText(category: InterpreterCategory | null): string {
  return category ? t('plan.sessions.category', { category }) : t('plan.sessions.anyCategory');
}
