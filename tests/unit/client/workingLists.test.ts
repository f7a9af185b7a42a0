import { describe, expect, it } from 'vitest';
import type { ResidentRow, RosterRow } from '../../../src/client/db/database.ts';
import { buildRosterIndex, filterItems, filterOptions, selectItems } from '../../../src/client/roster/rosterIndex.ts';
import { queryWords } from '../../../src/client/roster/searchIndex.ts';
import {
  countLists,
  dayWindow,
  inList,
  listMask,
  WORKING_LISTS,
  type RosterFacts,
  type WorkingList,
} from '../../../src/client/roster/workingLists.ts';

// Monday 15 June 2026: "due soon" ends on Thursday the 18th, "this week" on Sunday the 21st.
const TODAY = '2026-06-15';
const none: RosterFacts = { mapped: new Set(), scheduled: new Set() };

let n = 0;
function resident(fields: Partial<ResidentRow> = {}): ResidentRow {
  n++;
  return {
    id: `r${n}`,
    givenName: 'Amina',
    familyName: `Yusuf${n}`,
    birthDate: null,
    versions: {},
    updatedAt: 0,
    rosterClass: 'targetGroup',
    ...fields,
  };
}

function lists(r: ResidentRow, facts = none, today = TODAY): WorkingList[] {
  const mask = listMask(r, facts, dayWindow(today));
  return WORKING_LISTS.filter((l) => inList(mask, l));
}

describe('working lists', () => {
  it('puts a resident to be mapped in the lists of its deadline', () => {
    expect(lists(resident({ deadline: '2026-06-14' }))).toEqual(['all', 'overdue', 'unscheduled']);
    expect(lists(resident({ deadline: TODAY }))).toEqual(['all', 'dueSoon', 'dueThisWeek', 'unscheduled']);
    expect(lists(resident({ deadline: '2026-06-18' }))).toEqual(['all', 'dueSoon', 'dueThisWeek', 'unscheduled']);
    expect(lists(resident({ deadline: '2026-06-19' }))).toEqual(['all', 'dueThisWeek', 'unscheduled']);
    expect(lists(resident({ deadline: '2026-06-22' }))).toEqual(['all', 'unscheduled']);
    expect(lists(resident({ deadline: null }))).toEqual(['all', 'unscheduled']);
  });

  it('knows that a week ends on Sunday, also on a Sunday', () => {
    expect(dayWindow('2026-06-21')).toEqual({ today: '2026-06-21', soonEnd: '2026-06-24', weekEnd: '2026-06-21' });
    expect(dayWindow('2026-12-30').weekEnd).toBe('2027-01-03');
    // Daylight saving starts on 29 March 2026 in Oslo: still whole days.
    expect(dayWindow('2026-03-27').soonEnd).toBe('2026-03-30');
  });

  it('takes the mapped, scheduled, needs-review, not-in-target-group and unlisted residents apart', () => {
    const mapped = resident({ deadline: '2026-06-01' });
    const scheduled = resident({ deadline: '2026-06-16' });
    const facts: RosterFacts = { mapped: new Set([mapped.id]), scheduled: new Set([scheduled.id]) };
    expect(lists(mapped, facts)).toEqual(['all', 'mapped']);
    expect(lists(scheduled, facts)).toEqual(['all', 'dueSoon', 'dueThisWeek', 'scheduled']);
    expect(lists(resident({ rosterClass: 'needsReview', deadline: '2026-06-01' }))).toEqual([
      'all',
      'overdue',
      'unscheduled',
      'needsReview',
    ]);
    for (const cls of ['exempt', 'outsideAge', 'onlyInA', 'onlyInB'] as const) {
      expect(lists(resident({ rosterClass: cls }))).toEqual(['all', 'notInTargetGroup']);
    }
    expect(lists(resident({ unlisted: true, deadline: '2026-06-01' }))).toEqual(['all', 'unlisted']);
    expect(lists(resident({ unlisted: true }), { ...none, mapped: new Set([`r${n}`]) })).toEqual([
      'all',
      'mapped',
      'unlisted',
    ]);
    // Added by hand: to be mapped.
    expect(lists(resident({ rosterClass: null, deadline: null }))).toEqual(['all', 'unscheduled']);
  });

  it('counts each list', () => {
    const window = dayWindow(TODAY);
    const masks = [resident({ deadline: '2026-06-01' }), resident({ rosterClass: 'exempt' })].map((r) =>
      listMask(r, none, window),
    );
    expect(countLists(masks)).toMatchObject({ all: 2, overdue: 1, unscheduled: 1, notInTargetGroup: 1, mapped: 0 });
  });
});

describe('the roster index', () => {
  const rows = [
    resident({ givenName: 'Øyvind', familyName: 'Ødegård', deadline: '2026-06-20', receptionCentre: 'Nord' }),
    resident({ givenName: 'Amína', familyName: 'Al-Hassan', duf: '201912345678', language: 'Arabisk' }),
    resident({ givenName: 'Rahel', familyName: 'Tesfay', deadline: '2026-06-10', receptionCentre: 'Sør' }),
    resident({ givenName: 'Slettet', familyName: 'Person', deleted: true }),
  ];
  const index = buildRosterIndex(rows, none, TODAY);
  const names = (items: readonly { row: RosterRow }[]) => items.map((i) => i.row.givenName);

  it('sorts by deadline, residents without one last, and leaves deleted ones out', () => {
    expect(names(index)).toEqual(['Rahel', 'Øyvind', 'Amína']);
  });

  it('finds residents by any words of their name or DUF, whatever the case and diacritics', () => {
    const find = (q: string) => names(selectItems(index, 'all', queryWords(q)));
    expect(find('odegard')).toEqual(['Øyvind']);
    expect(find('OYVIND ØDE')).toEqual(['Øyvind']);
    expect(find('hassan amina')).toEqual(['Amína']);
    expect(find('alhassan')).toEqual(['Amína']);
    expect(find('al-hassan')).toEqual(['Amína']);
    expect(find('2019 1234')).toEqual(['Amína']);
    expect(find('2019.123456.78')).toEqual(['Amína']);
    expect(find('')).toEqual(['Rahel', 'Øyvind', 'Amína']);
    expect(find('nobody')).toEqual([]);
    expect(names(selectItems(index, 'overdue', []))).toEqual(['Rahel']);
  });

  it('filters by reception centre and language, and lists the choices', () => {
    expect(names(filterItems(index, { centre: 'Sør', language: '' }))).toEqual(['Rahel']);
    expect(names(filterItems(index, { centre: '', language: 'Arabisk' }))).toEqual(['Amína']);
    expect(filterOptions(rows)).toEqual({ centres: ['Nord', 'Sør'], languages: ['Arabisk'] });
  });

  it('searches 10,000 residents in a few milliseconds', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      resident({ givenName: `Given${i}`, familyName: `Family${i % 97}`, duf: String(201900000000 + i) }),
    );
    const big = buildRosterIndex(many, none, TODAY);
    const started = performance.now();
    for (const q of ['f', 'fa', 'fam', 'fami', 'famil', 'family', 'family4', 'family42']) {
      selectItems(big, 'all', queryWords(q));
    }
    // Eight keystrokes; generous for a loaded CI machine (the bench measures it in Chromium).
    expect(performance.now() - started).toBeLessThan(400);
  });
});
