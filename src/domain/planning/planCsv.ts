import { toCsv } from '../csv.ts';
import type { InterpreterMode } from './model.ts';
import { bookedInterpreter, type InterpreterOrder } from './interpreterOrders.ts';
import type { PrintedList } from './weeklyList.ts';

/**
 * The weekly list and the interpreter orders as CSV for Norwegian Excel (src/domain/csv.ts:
 * semicolons, UTF-8 with BOM, formulas neutralised). In Norwegian whatever the app's language: the
 * files go to the reception centre and the interpreter service.
 */

/** 2026-12-01 → 01.12.2026, as Norwegian Excel shows a date. */
export function norwegianDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

const km = (value: number) => value.toFixed(1).replace('.', ',');

const MODE: Record<InterpreterMode, string> = { inPerson: 'Fremmøte', video: 'Video', phone: 'Telefon' };

export function weeklyListCsv(lists: readonly PrintedList[]): string {
  const header = ['Mottak', 'Navn', 'DUF-nummer', 'Dato', 'Tid', 'Sted', 'Adresse', 'Reise', 'Tolkespråk'];
  const rows = lists.flatMap(({ centre, rows }) =>
    rows.map((r) => [
      centre || 'Ukjent mottak',
      r.name,
      r.duf,
      norwegianDate(r.date),
      `${r.start}–${r.end}`,
      r.placeName,
      r.placeAddress,
      r.distanceKm === null
        ? 'Ukjent avstand'
        : r.busTicket
          ? `Bussbillett (${km(r.distanceKm)} km)`
          : `Ingen bussbillett (${km(r.distanceKm)} km)`,
      r.interpreter ? r.language : `Ingen tolk (${r.language})`,
    ]),
  );
  return toCsv(header, rows);
}

export function interpreterOrdersCsv(orders: readonly InterpreterOrder[]): string {
  const header = ['Språk', 'Dato', 'Fra', 'Til', 'Sted', 'Adresse', 'Oppmøte', 'Kategori', 'Antall beboere', 'Tolk'];
  const rows = orders.map((o) => [
    o.language,
    norwegianDate(o.date),
    o.start,
    o.end,
    o.placeName,
    o.placeAddress,
    MODE[o.mode],
    o.category ? `${o.category} eller bedre` : 'Kvalifisert tolk',
    o.residents,
    bookedInterpreter(o) || null,
  ]);
  return toCsv(header, rows);
}
