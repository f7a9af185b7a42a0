import { checkMapping, type Column, type ColumnMapping, type MappingProblem } from '../../../domain/roster/columns.ts';
import { DEFAULT_DEADLINE_DAYS, todayInOslo } from '../../../domain/roster/deadline.ts';
import { MAX_LIST_BYTES } from '../../../domain/roster/decode.ts';
import type { ListProblem } from '../../../domain/roster/list.ts';
import type { RosterClass } from '../../../domain/roster/classify.ts';
import type { InvalidRow } from '../../../domain/roster/people.ts';
import { uuidv7 } from '../../../domain/uuidv7.ts';
import { database, mappingFacts, scheduledResidentIds } from '../../db/index.ts';
import { commitImport, deadlineDays, rememberedMapping } from '../../db/rosterImport.ts';
import type { ImportPerson, ListSide, LoadedSummary } from '../../roster/importProtocol.ts';
import { planImport, rosterEntry, type ImportPlan } from '../../roster/importPlan.ts';
import { ImportWorker } from '../../roster/importWorkerClient.ts';
import { syncStatus } from './syncStatus.svelte.ts';
import { unsavedForms } from './unsavedForms.svelte.ts';

/** Why a file cannot be used: the domain's codes, or the file could not be read at all. */
export type FileProblem = ListProblem | 'readFailed';

export type ListFileState =
  | { status: 'empty' }
  | { status: 'reading'; name: string }
  | { status: 'refused'; name: string; reason: FileProblem }
  | { status: 'loaded'; summary: LoadedSummary; mapping: ColumnMapping; remembered: boolean };

export type ImportPhase = 'choosing' | 'previewing' | 'preview' | 'committing' | 'saved';

export type ImportError = 'workerFailed' | 'commitFailed';

export interface ImportPreview {
  asOf: string;
  deadlineDays: number;
  counts: Record<RosterClass, number>;
  invalidRows: InvalidRow[];
  missingColumns: Record<ListSide, string[]>;
  plan: ImportPlan;
  /** Everyone in the lists whose class is needsReview, with the reasons. */
  needsReview: ImportPerson[];
}

export interface ImportResult {
  added: number;
  changed: number;
  unlisted: number;
}

/** Performance marks the bench reads (scripts/bench/roster.ts): names only, never data. */
export const IMPORT_MEASURES = {
  load: 'kartlegg:import:load',
  preview: 'kartlegg:import:preview',
  commit: 'kartlegg:import:commit',
};

/**
 * The import screen's state: two files chosen, read in the worker, their columns mapped, a preview
 * of what would change, and the commit. Nothing is written before "Import", and the screen says
 * "saved" only after the one transaction committed.
 */
export class ImportFlow {
  files = $state<Record<ListSide, ListFileState>>({ A: { status: 'empty' }, B: { status: 'empty' } });
  phase = $state<ImportPhase>('choosing');
  error = $state<ImportError | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  progress = $state<{ done: number; total: number } | null>(null);
  result = $state<ImportResult | null>(null);
  deadlineDays = $state(DEFAULT_DEADLINE_DAYS);
  #worker: ImportWorker | null = null;
  // A later choice of file for the same list wins over a reply still on its way.
  readonly #loads: Record<ListSide, number> = { A: 0, B: 0 };

  async start(): Promise<void> {
    this.deadlineDays = await deadlineDays(database());
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    unsavedForms.set('roster-import', false);
  }

  mappingProblem(list: ListSide): MappingProblem | null {
    const file = this.files[list];
    if (file.status !== 'loaded') return null;
    const checked = checkMapping(file.mapping, file.summary.header.length);
    return checked.ok ? null : checked.reason;
  }

  get canPreview(): boolean {
    return (
      this.files.A.status === 'loaded' &&
      this.files.B.status === 'loaded' &&
      !this.mappingProblem('A') &&
      !this.mappingProblem('B') &&
      (this.phase === 'choosing' || this.phase === 'preview')
    );
  }

  async choose(list: ListSide, file: File): Promise<void> {
    this.#changed();
    const load = ++this.#loads[list];
    // Refused before reading: a 50 MB file is the wrong file, and reading it would only cost memory.
    if (file.size === 0 || file.size > MAX_LIST_BYTES) {
      this.files[list] = { status: 'refused', name: file.name, reason: file.size === 0 ? 'emptyFile' : 'fileTooLarge' };
      return;
    }
    this.files[list] = { status: 'reading', name: file.name };
    const started = performance.now();
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      if (load === this.#loads[list]) this.files[list] = { status: 'refused', name: file.name, reason: 'readFailed' };
      return;
    }
    let reply;
    try {
      reply = await this.#ensureWorker().load(list, file.name, bytes);
    } catch {
      if (load === this.#loads[list]) this.#workerFailed();
      return;
    }
    if (load !== this.#loads[list]) return;
    if (!reply.ok) {
      this.files[list] = { status: 'refused', name: file.name, reason: reply.reason };
      return;
    }
    const { summary } = reply;
    // A mapping that cannot be read back is no reason to refuse the file: the guess is shown instead.
    const remembered = await rememberedMapping(database(), summary.guess.signature).catch(() => undefined);
    const usable = remembered && checkMapping(remembered, summary.header.length).ok ? remembered : undefined;
    if (load !== this.#loads[list]) return;
    this.files[list] = { status: 'loaded', summary, mapping: usable ?? summary.guess.mapping, remembered: !!usable };
    performance.measure(`${IMPORT_MEASURES.load}:${list}`, { start: started });
  }

  /** The user chose another header cell for a column (or none: `undefined`). */
  setColumn(list: ListSide, column: Column, index: number | undefined): void {
    const file = this.files[list];
    if (file.status !== 'loaded') return;
    const mapping: ColumnMapping = { ...file.mapping };
    if (index === undefined) delete mapping[column];
    else mapping[column] = index;
    this.files[list] = { ...file, mapping, remembered: false };
    this.#changed();
  }

  async runPreview(): Promise<void> {
    const a = this.files.A;
    const b = this.files.B;
    if (!this.canPreview || a.status !== 'loaded' || b.status !== 'loaded') return;
    this.phase = 'previewing';
    this.error = null;
    const started = performance.now();
    try {
      const db = database();
      const [rows, facts, scheduled] = await Promise.all([
        db.residents.toArray(),
        mappingFacts(db),
        scheduledResidentIds(db),
      ]);
      const current = rows.filter((r) => !r.deleted);
      const asOf = todayInOslo(Date.now());
      const days = this.deadlineDays;
      const reply = await this.#ensureWorker().preview({
        asOf,
        deadlineDays: days,
        mappingA: $state.snapshot(a.mapping),
        mappingB: $state.snapshot(b.mapping),
        current: current.map(rosterEntry),
        keep: [...facts.withMapping, ...scheduled],
      });
      // The mappings were checked before asking, so a refusal means the worker lost its files.
      if (!reply.ok) {
        this.#workerFailed();
        return;
      }
      const { diff } = reply;
      const plan = planImport(diff, current, asOf, () => uuidv7());
      const needsReview = [
        ...diff.added,
        ...diff.changed.map((c) => c.next),
        ...diff.unchanged.map((c) => c.next),
        ...diff.ambiguous.map((c) => c.next),
      ].filter((p) => p.class === 'needsReview');
      this.preview = {
        asOf,
        deadlineDays: days,
        counts: reply.counts,
        invalidRows: reply.invalidRows,
        missingColumns: reply.missingColumns,
        plan,
        needsReview,
      };
      this.phase = 'preview';
      performance.measure(IMPORT_MEASURES.preview, { start: started });
    } catch {
      this.#workerFailed();
    }
  }

  async commit(): Promise<void> {
    const preview = this.preview;
    const a = this.files.A;
    const b = this.files.B;
    if (this.phase !== 'preview' || !preview || a.status !== 'loaded' || b.status !== 'loaded') return;
    this.phase = 'committing';
    this.error = null;
    // An app update must not reload the page under a running commit (it would be rolled back).
    unsavedForms.set('roster-import', true);
    const { writes } = preview.plan;
    this.progress = { done: 0, total: writes.length };
    const started = performance.now();
    try {
      await commitImport(
        database(),
        writes,
        {
          [a.summary.guess.signature]: $state.snapshot(a.mapping),
          [b.summary.guess.signature]: $state.snapshot(b.mapping),
        },
        { onProgress: (done, total) => (this.progress = { done, total }) },
      );
    } catch {
      // Nothing was written: the transaction is all or nothing.
      this.error = 'commitFailed';
      this.phase = 'preview';
      this.progress = null;
      unsavedForms.set('roster-import', false);
      return;
    }
    performance.measure(IMPORT_MEASURES.commit, { start: started });
    // Committed: only now does the screen say so.
    const { plan } = preview;
    this.result = { added: plan.added.length, changed: plan.changed.length, unlisted: plan.unlisted.length };
    this.phase = 'saved';
    this.progress = null;
    unsavedForms.set('roster-import', false);
    syncStatus.changed();
  }

  /** Back to choosing files, keeping nothing of the last import. */
  reset(): void {
    this.#loads.A++;
    this.#loads.B++;
    this.files = { A: { status: 'empty' }, B: { status: 'empty' } };
    this.preview = null;
    this.result = null;
    this.error = null;
    this.phase = 'choosing';
  }

  /** Any change to the files, mappings or settings makes the last preview stale. */
  #changed(): void {
    this.preview = null;
    this.result = null;
    this.error = null;
    if (this.phase !== 'committing') this.phase = 'choosing';
  }

  /** The worker died (out of memory, say): its parsed files are gone, so the files are chosen again. */
  #workerFailed(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.reset();
    this.error = 'workerFailed';
  }

  #ensureWorker(): ImportWorker {
    this.#worker ??= new ImportWorker();
    return this.#worker;
  }
}
