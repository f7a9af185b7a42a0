import type { RosterRow } from '../db/database.ts';
import { matchesWords, searchText } from './searchIndex.ts';
import { byDeadline } from '../../domain/roster/rosterOrder.ts';
import { dayWindow, inList, listMask, type RosterFacts, type WorkingList } from './workingLists.ts';

/**
 * The roster in memory, built once per change of the stored residents (or of "today"): each
 * resident with its working-list mask and search text, sorted by deadline. Everything the roster
 * screen does per keystroke or click is a filter over this array, which keeps that order.
 */
export interface RosterItem {
  row: RosterRow;
  mask: number;
  text: string;
}

export function buildRosterIndex(rows: readonly RosterRow[], facts: RosterFacts, today: string): RosterItem[] {
  const window = dayWindow(today);
  const items = rows
    .filter((row) => !row.deleted)
    .map((row) => ({ row, mask: listMask(row, facts, window), text: searchText(row) }));
  return items.sort((a, b) => byDeadline(a.row, b.row));
}

export interface RosterFilter {
  /** Reception centre, or '' for every one. */
  centre: string;
  /** Language, or '' for every one. */
  language: string;
}

/** The residents of one reception centre and/or language (what the working-list counts are over). */
export function filterItems(items: readonly RosterItem[], filter: RosterFilter): readonly RosterItem[] {
  if (!filter.centre && !filter.language) return items;
  return items.filter(
    ({ row }) =>
      (!filter.centre || row.receptionCentre === filter.centre) &&
      (!filter.language || row.language === filter.language),
  );
}

/** The residents of one working list whose text holds every word of the query. */
export function selectItems(items: readonly RosterItem[], list: WorkingList, words: readonly string[]): RosterItem[] {
  const selected: RosterItem[] = [];
  for (const item of items) {
    if (inList(item.mask, list) && matchesWords(item.text, words)) selected.push(item);
  }
  return selected;
}

/** The reception centres and languages present, for the filters, sorted. */
export function filterOptions(rows: readonly RosterRow[]): { centres: string[]; languages: string[] } {
  const centres = new Set<string>();
  const languages = new Set<string>();
  for (const row of rows) {
    if (row.deleted) continue;
    if (row.receptionCentre) centres.add(row.receptionCentre);
    if (row.language) languages.add(row.language);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'nb'));
  return { centres: sorted(centres), languages: sorted(languages) };
}
