import { todayInOslo } from '../../../domain/roster/deadline.ts';
import {
  database,
  listResidents,
  mappingFacts,
  observe,
  openConflictEntityIds,
  scheduledResidentIds,
  unsyncedEntityIds,
  type RosterRow,
} from '../../db/index.ts';
import {
  buildRosterIndex,
  filterItems,
  filterOptions,
  selectItems,
  type RosterItem,
} from '../../roster/rosterIndex.ts';
import { queryWords } from '../../roster/searchIndex.ts';
import { countLists, NOBODY, type RosterFacts, type WorkingList } from '../../roster/workingLists.ts';

/** The performance measure of reading (and opening) the roster and building its index. */
export const ROSTER_INDEX_MEASURE = 'kartlegg:roster:index';

/** Of which reading the residents: IndexedDB, opening every sealed row, sorting. */
export const ROSTER_READ_MEASURE = 'kartlegg:roster:read';

/** Rows shown at first and added by "show more": the DOM stays small with 10,000 residents. */
export const PAGE_SIZE = 30;

/**
 * The roster screen's state. The stored residents are read (and the in-memory index built) only
 * when they change; choosing a list, a filter or typing a search only filters that index.
 * Big arrays are `$state.raw`: 10,000 proxied rows would make every read slow.
 */
export class RosterView {
  rows = $state.raw<RosterRow[]>([]);
  facts = $state.raw<RosterFacts>({ mapped: NOBODY, scheduled: NOBODY });
  unsynced = $state.raw<ReadonlySet<string>>(NOBODY);
  conflicted = $state.raw<ReadonlySet<string>>(NOBODY);
  loaded = $state(false);
  /** Today in Oslo: deadlines are Norwegian calendar days, whatever zone the tablet is set to. */
  today = $state(todayInOslo(Date.now()));
  list = $state<WorkingList>('all');
  centre = $state('');
  language = $state('');
  query = $state('');
  limit = $state(PAGE_SIZE);

  readonly index = $derived(buildRosterIndex(this.rows, this.facts, this.today));
  readonly options = $derived(filterOptions(this.rows));
  readonly filtered = $derived(filterItems(this.index, { centre: this.centre, language: this.language }));
  readonly counts = $derived(countLists(this.filtered.map((item) => item.mask)));
  readonly matches = $derived.by(() => this.#select(this.filtered, this.list, this.query));
  readonly visible = $derived.by(() => this.#page(this.matches, this.limit));

  // The last search, for the next keystroke: typing on only narrows what matched before.
  #last: { items: readonly RosterItem[]; list: WorkingList; query: string; result: RosterItem[] } | null = null;

  #select(items: readonly RosterItem[], list: WorkingList, query: string): RosterItem[] {
    const last = this.#last;
    // A query that extends the last one (characters added at its end) matches a subset of it.
    const narrowing = last && last.items === items && last.list === list && query.startsWith(last.query);
    const result = selectItems(narrowing ? last.result : items, list, queryWords(query));
    this.#last = { items, list, query, result };
    return result;
  }

  #lastPage: RosterItem[] = [];

  /**
   * The rows shown. When a keystroke leaves them as they were (typing on into a name whose matches
   * all fit the page, say), the same array is returned: the derived does not change, so the list's
   * DOM is not even compared again.
   */
  #page(matches: readonly RosterItem[], limit: number): RosterItem[] {
    const last = this.#lastPage;
    const length = Math.min(limit, matches.length);
    let same = last.length === length;
    for (let i = 0; same && i < length; i++) same = last[i] === matches[i];
    if (!same) this.#lastPage = matches.slice(0, limit);
    return this.#lastPage;
  }

  /** Observes the database until the returned function is called. */
  start(): () => void {
    let started = 0;
    const stop = observe(
      database(),
      async (db) => {
        started = performance.now();
        const [rows, mappings, scheduled, unsynced, conflicted] = await Promise.all([
          listResidents(db).then((rows) => {
            performance.measure(ROSTER_READ_MEASURE, { start: started });
            return rows;
          }),
          mappingFacts(db),
          scheduledResidentIds(db),
          unsyncedEntityIds(db),
          openConflictEntityIds(db),
        ]);
        return { rows, facts: { mapped: mappings.mapped, scheduled }, unsynced, conflicted };
      },
      (v) => {
        this.rows = v.rows;
        this.facts = v.facts;
        this.unsynced = v.unsynced;
        this.conflicted = v.conflicted;
        this.loaded = true;
        // Read now (it is derived lazily) so the measure covers the whole way from the stored, sealed
        // rows to the search index: what the bench reports (scripts/bench/encryption.ts).
        void this.index;
        performance.measure(ROSTER_INDEX_MEASURE, { start: started });
      },
    );
    // The lists move at midnight in Oslo even when nothing is stored.
    const timer = setInterval(() => {
      const today = todayInOslo(Date.now());
      if (today !== this.today) this.today = today;
    }, 60_000);
    return () => {
      stop();
      clearInterval(timer);
    };
  }

  show(list: WorkingList): void {
    this.list = list;
    this.limit = PAGE_SIZE;
  }

  search(query: string): void {
    this.query = query;
    this.limit = PAGE_SIZE;
  }

  filter(filter: { centre?: string; language?: string }): void {
    if (filter.centre !== undefined) this.centre = filter.centre;
    if (filter.language !== undefined) this.language = filter.language;
    this.limit = PAGE_SIZE;
  }

  showMore(): void {
    this.limit += PAGE_SIZE;
  }
}
